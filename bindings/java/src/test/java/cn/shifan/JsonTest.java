package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The small JSON reader on its own: what it accepts, what it gives, what it refuses. */
final class JsonTest {
    private JsonTest() {
    }

    /** The batch's UTF-8 encoder gives exactly the bytes of String.getBytes(UTF_8); documents never overlap. */
    static void encoder() {
        String[] samples = {"", "ascii", "第六条第（二）项", "é ß ÿ", "\ud840\udc00 𠀀 emoji \ud83d\ude00",
            "lone high \ud800 x", "lone low \udc00 x", "high at end \ud800", "\u0000\u007f\u0080\u07ff\u0800\uffff",
            "x".repeat(70000) + "中", "after the large one"};
        byte[] raw = {1, 2, (byte) 0xe4};
        try (Utf8Chunk chunk = new Utf8Chunk(samples.length + 1, 100)) { // small segments: documents span several
            for (int k = 0; k < samples.length; k++) {
                chunk.add(k, samples[k], "sample");
            }
            chunk.add(samples.length, raw, "bytes");
            for (int k = 0; k < samples.length; k++) {
                check(java.util.Arrays.equals(samples[k].getBytes(java.nio.charset.StandardCharsets.UTF_8), chunk.document(k)),
                      "encoder: sample " + k + " as String.getBytes(UTF_8)");
            }
            check(java.util.Arrays.equals(raw, chunk.document(samples.length)), "encoder: a byte[] document as given");
            for (int k = 1; k <= samples.length; k++) {
                check(chunk.addresses[k] >= chunk.addresses[k - 1] + chunk.lengths[k - 1]
                      || chunk.addresses[k] + chunk.lengths[k] <= chunk.addresses[k - 1],
                      "encoder: document " + k + " does not overlap the one before");
            }
        }
    }

    static void run() {
        encoder();
        equal(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("2.50"), Boolean.TRUE, Boolean.FALSE)),
              Json.parse(" {\"a\" : [1, 2.50, true, false]}\n"), "json: object with an array");
        equal(new BigDecimal("999999.99"), Json.parse("999999.99"), "json: money stays exact");
        equal("2.50", ((BigDecimal) Json.parse("2.50")).toPlainString(), "json: the scale is kept");
        equal(new BigDecimal("-1.5E+3"), Json.parse("-1.5e3"), "json: exponent");
        equal(Json.NULL, Json.parse("null"), "json: null is NULL");
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"k\":null}");
        check(m.containsKey("k") && m.get("k") == Json.NULL, "json: a null member is present");
        equal("第六条第（二）项", Json.parse("\"第六条第（二）项\""), "json: UTF-16 text as is");
        equal("\u7b2c\"\\/\b\f\n\r\t", Json.parse("\"\\u7b2c\\\"\\\\\\/\\b\\f\\n\\r\\t\""), "json: escapes");
        equal("\ud83d\ude00", Json.parse("\"\\ud83d\\ude00\""), "json: a surrogate pair");
        equal(List.of(), Json.parse("[]"), "json: empty array");
        equal(Map.of(), Json.parse("{ }"), "json: empty object");
        List<?> order = List.copyOf(((Map<?, ?>) Json.parse("{\"b\":1,\"a\":2,\"c\":3}")).keySet());
        equal(List.of("b", "a", "c"), order, "json: members in document order");
        for (String bad : new String[] {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "\"a", "\"\\x\"",
            "\"\\u12\"", "tru", "nul", "{\"a\" 1}", "{1:2}", "[1 2]", "{\"a\":1}x", "\"\u0001\"",
            "{\"a\":1,\"a\":2}", "-", "1e"}) {
            try {
                Json.parse(bad);
                check(false, "json: accepted bad text <" + bad + ">");
            } catch (IllegalArgumentException e) {
                check(e.getMessage().startsWith("JSON: ") && e.getMessage().contains("offset"),
                      "json: error names the offset: " + e.getMessage());
            }
        }
        String deep = "[".repeat(600) + "]".repeat(600);
        try {
            Json.parse(deep);
            check(false, "json: accepted nesting of 600");
        } catch (IllegalArgumentException e) {
            check(e.getMessage().contains("deeply"), "json: too deep: " + e.getMessage());
        }
        equal("[[]]", String.valueOf(Json.parse("[[]]")), "json: nested arrays");
        StringBuilder b = new StringBuilder();
        Json.quote(b, "a\"b\\c\n\u0001中");
        equal("\"a\\\"b\\\\c\\n\\u0001中\"", b.toString(), "json: quote");
        equal("a\"b\\c\n\u0001中", Json.parse(b.toString()), "json: quote reads back");
    }
}
