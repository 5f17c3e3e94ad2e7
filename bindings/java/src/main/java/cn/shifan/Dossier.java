package cn.shifan;

import java.util.List;

/** The completeness of the application's dossier (articles 9 and 10). */
public final class Dossier {
    private final Boolean complete;
    private final List<String> missingMaterials;

    Dossier(Boolean complete, List<String> missingMaterials) {
        this.complete = complete;
        this.missingMaterials = List.copyOf(missingMaterials);
    }

    /** True when complete, false when some item fails, null when the application lists no materials. */
    public Boolean complete() {
        return complete;
    }

    /** Ids of the failing dossier items, e.g. "art10.4". */
    public List<String> missingMaterials() {
        return missingMaterials;
    }

    @Override
    public String toString() {
        return "Dossier{complete=" + complete + ", missing=" + missingMaterials + "}";
    }
}
