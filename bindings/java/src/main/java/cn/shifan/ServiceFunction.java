package cn.shifan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The service functions of article 7, in its order (a platform qualifies for each separately). */
public enum ServiceFunction {
    /** 信息服务: information services (art. 7(1)). */
    INFORMATION("information"),
    /** 技术服务: technology services (art. 7(2)). */
    TECHNOLOGY("technology"),
    /** 创业服务: entrepreneurship services (art. 7(3)). */
    ENTREPRENEURSHIP("entrepreneurship"),
    /** 培训服务: training services (art. 7(4)). */
    TRAINING("training"),
    /** 融资服务: financing services (art. 7(5)). */
    FINANCING("financing");

    private final String jsonName;

    ServiceFunction(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the JSON, e.g. "technology". */
    public String jsonName() {
        return jsonName;
    }

    /** The bit of this function in the library's mask (information 0x01 … financing 0x10). */
    public int bit() {
        return 1 << ordinal();
    }

    private static final List<Set<ServiceFunction>> BY_MASK = masks();

    private static List<Set<ServiceFunction>> masks() {
        List<Set<ServiceFunction>> out = new ArrayList<>();
        for (int mask = 0; mask < 32; mask++) {
            EnumSet<ServiceFunction> s = EnumSet.noneOf(ServiceFunction.class);
            for (ServiceFunction f : values()) {
                if ((mask & f.bit()) != 0) {
                    s.add(f);
                }
            }
            out.add(Collections.unmodifiableSet(s));
        }
        return List.copyOf(out);
    }

    /** The functions of a mask, in article order (an unmodifiable set, shared). */
    static Set<ServiceFunction> ofMask(int mask) {
        return BY_MASK.get(mask & 31);
    }
}
