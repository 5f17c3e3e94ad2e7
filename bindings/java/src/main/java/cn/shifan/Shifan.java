package cn.shifan;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shifan library as a whole: which libshifan.so was loaded, and its version.
 *
 * <p>The native library is found, in this order: the system property {@code shifan.library} (a
 * file), the environment variable {@code SHIFAN_LIBRARY} (a file), JNA's {@code jna.library.path}
 * when it is set, the library directory this jar was built for (the install prefix), then the
 * system's own search ({@code libshifan.so.0} as the dynamic linker finds it, then JNA's search for
 * {@code shifan}). The first one that loads is used for the life of the JVM.
 */
public final class Shifan {
    /** The ABI this jar was written against (SHIFAN_ABI_VERSION of shifan.h). */
    public static final int ABI_VERSION = 0;

    private Shifan() {
    }

    /** The version of the loaded libshifan, e.g. "0.1.0". */
    public static String version() {
        return Strings.borrowed(lib().shifan_version());
    }

    /** The version of the loaded libshifan as MAJOR * 10000 + MINOR * 100 + PATCH. */
    public static int versionNumber() {
        return lib().shifan_version_number();
    }

    /** Where the native library was loaded from (the file, or the name given to the system's search). */
    public static String libraryLocation() {
        lib();
        return Holder.location;
    }

    static CApi lib() {
        return Holder.LIB;
    }

    private static final class Holder {
        static String location;
        static final CApi LIB = load();

        private static CApi load() {
            if (Native.SIZE_T_SIZE != 8) {
                throw new UnsatisfiedLinkError("shifan: the Java bindings need a 64-bit JVM (size_t of 8 bytes)");
            }
            Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
            List<String> tried = new ArrayList<>();
            List<String> candidates = new ArrayList<>();
            String property = System.getProperty("shifan.library");
            String env = System.getenv("SHIFAN_LIBRARY");
            if (property != null && !property.isEmpty()) {
                candidates.add(property);
            } else if (env != null && !env.isEmpty()) {
                candidates.add(env);
            } else {
                String jnaPath = System.getProperty("jna.library.path");
                if (jnaPath != null && !jnaPath.isEmpty()) {
                    candidates.add("shifan");
                }
                File installed = new File(BuildInfo.LIBDIR, "libshifan.so." + ABI_VERSION);
                if (installed.isFile()) {
                    candidates.add(installed.getPath());
                }
                candidates.add("libshifan.so." + ABI_VERSION);
                candidates.add("shifan");
            }
            for (String name : candidates) {
                try {
                    CApi lib = Native.load(name, CApi.class, options);
                    int abi = lib.shifan_abi_version();
                    if (abi != ABI_VERSION) {
                        tried.add(name + " (ABI " + abi + ", expected " + ABI_VERSION + ")");
                        continue;
                    }
                    location = name;
                    return lib;
                } catch (UnsatisfiedLinkError e) {
                    tried.add(name + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
                }
            }
            throw new UnsatisfiedLinkError("shifan: libshifan.so not found; set -Dshifan.library=/path/to/libshifan.so "
                                           + "or SHIFAN_LIBRARY, or install the library. Tried: " + String.join("; ", tried));
        }
    }
}
