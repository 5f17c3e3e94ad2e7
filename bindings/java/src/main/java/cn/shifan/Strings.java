package cn.shifan;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

/** Strings across the C interface: always UTF-8, whatever the JVM's default charset or JNA's flags. */
final class Strings {
    private Strings() {
    }

    /** A borrowed C string, copied (decoded as UTF-8); null for NULL. */
    static String borrowed(Pointer p) {
        if (p == null) {
            return null;
        }
        long n = p.indexOf(0, (byte) 0);
        return new String(p.getByteArray(0, (int) n), StandardCharsets.UTF_8);
    }

    /** A string the library gave through {@code char **out} with its length: copied, then freed. */
    static String take(PointerByReference out, LongByReference len) {
        Pointer p = out.getValue();
        if (p == null) {
            return "";
        }
        try {
            return new String(p.getByteArray(0, Math.toIntExact(len.getValue())), StandardCharsets.UTF_8);
        } finally {
            Shifan.lib().shifan_string_free(p);
        }
    }

    /** A library call that gives a string through {@code out} and {@code len}, or an error through {@code err}. */
    @FunctionalInterface
    interface Produce {
        int call(PointerByReference out, LongByReference len, PointerByReference err);
    }

    /** Run {@code call}: its error is thrown, else the string it gave is taken (copied, then freed). */
    static String produced(Produce call) {
        PointerByReference out = new PointerByReference();
        LongByReference len = new LongByReference();
        PointerByReference err = new PointerByReference();
        ShifanException.check(call.call(out, len, err), err);
        return take(out, len);
    }

    /** The UTF-8 bytes of {@code s} followed by NUL, for a C string parameter. A NUL inside is a misuse. */
    static byte[] c(String s) {
        if (s.indexOf('\0') >= 0) {
            throw ShifanException.usage("字符串中不能有 NUL 字符", "a string given to the library must not contain a NUL character");
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }
}
