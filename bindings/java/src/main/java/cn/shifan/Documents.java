package cn.shifan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of a document given as JSON text (String), UTF-8 bytes (byte[]) or a file (Path). */
final class Documents {
    private Documents() {
    }

    static byte[] bytes(Object doc, String what) {
        if (doc instanceof byte[]) {
            return (byte[]) doc;
        }
        if (doc instanceof String) {
            return ((String) doc).getBytes(StandardCharsets.UTF_8);
        }
        if (doc instanceof Path) {
            return read((Path) doc);
        }
        if (doc == null) {
            throw ShifanException.usage(what + " 不能为 null", what + " must not be null");
        }
        throw ShifanException.usage(what + " 应为 JSON 文本（String）、UTF-8 字节（byte[]）或文件（Path）",
                                    what + ": expected JSON text (String), UTF-8 bytes (byte[]) or a file (Path), not "
                                        + doc.getClass().getName());
    }

    /** A file's bytes; UncheckedIOException (with the path) when it cannot be read. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
