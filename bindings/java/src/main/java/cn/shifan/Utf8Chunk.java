package cn.shifan;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of documents in native memory as UTF-8, for {@link Engine#evaluateMany}: each document's
 * address and length, for the batch call that takes one pointer per document. Strings are encoded
 * through a small reusable array straight into native segments: no array per document and no copy
 * of the whole corpus on the Java heap (for 100,000 documents, allocating and collecting those costs
 * more than encoding them). Byte arrays are copied as given. A document never spans two segments.
 * Not thread-safe: one chunk per thread; {@link #close()} releases the native memory.
 */
final class Utf8Chunk implements AutoCloseable {
    final long[] addresses;
    final long[] lengths;
    private final List<Memory> segments = new ArrayList<>();
    private final long segmentSize;
    private Memory current;
    private long used;
    private byte[] scratch = new byte[1 << 16];
    private char[] chars = new char[1 << 12];

    /** A chunk of {@code count} documents in segments of {@code segmentSize} bytes (more for a larger document). */
    Utf8Chunk(int count, long segmentSize) {
        addresses = new long[count];
        lengths = new long[count];
        this.segmentSize = Math.max(1, segmentSize);
    }

    /** Place document {@code k} of this chunk (a String, byte[] or Path). */
    void add(int k, Object doc, String what) {
        if (doc instanceof String) {
            int len = encode((String) doc); // may replace scratch with a larger array: read it after
            place(k, scratch, len);
        } else {
            byte[] b = Documents.bytes(doc, what);
            place(k, b, b.length);
        }
    }

    /** The bytes of document {@code k} (for tests). */
    byte[] document(int k) {
        return new Pointer(addresses[k]).getByteArray(0, (int) lengths[k]);
    }

    private void place(int k, byte[] src, int len) {
        if (current == null || used + len > current.size()) {
            current = new Memory(Math.max(segmentSize, Math.max(1, len)));
            segments.add(current);
            used = 0;
        }
        if (len > 0) {
            current.write(used, src, 0, len);
        }
        addresses[k] = Pointer.nativeValue(current) + used;
        lengths[k] = len;
        used += len;
    }

    /** UTF-8 of {@code s} into the scratch array, returning its length (an unpaired surrogate becomes '?', as String.getBytes does). */
    private int encode(String s) {
        int n = s.length();
        if (scratch.length < 3 * n) {
            scratch = new byte[Math.max(3 * n, 2 * scratch.length)];
        }
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        s.getChars(0, n, chars, 0); // one bulk copy; the loop below reads an array, not the String
        char[] in = chars;
        byte[] out = scratch;
        int at = 0;
        int i = 0;
        while (i < n) {
            char c = in[i++];
            if (c < 0x80) {
                out[at++] = (byte) c;
                while (i < n && (c = in[i]) < 0x80) { // runs of ASCII: most of a document
                    out[at++] = (byte) c;
                    i++;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(in[i])) {
                    int cp = Character.toCodePoint(c, in[i++]);
                    out[at++] = (byte) (0xf0 | (cp >> 18));
                    out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    out[at++] = (byte) '?';
                }
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return at;
    }

    @Override
    public void close() {
        for (Memory m : segments) {
            m.close();
        }
        segments.clear();
        current = null;
    }
}
