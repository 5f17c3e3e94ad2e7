package cn.shifan;

/**
 * Prints where libshifan was loaded from and its version, or "error: " and why it could not be
 * loaded (run_java_tests.py starts it with each way of naming the library).
 */
public final class LookupProbe {
    private LookupProbe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(Shifan.libraryLocation() + " " + Shifan.version());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
