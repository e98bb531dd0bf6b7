package dev.nbexport.notebook;

/** The kinds of cell nbformat 4 knows; anything else is kept as {@link #OTHER}. */
public enum CellType {
    CODE("code"),
    MARKDOWN("markdown"),
    RAW("raw"),
    OTHER("");

    private final String jsonName;

    CellType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The value of {@code cell_type} in the file. */
    public String jsonName() {
        return jsonName;
    }

    static CellType of(String jsonName) {
        return switch (jsonName) {
            case "code" -> CODE;
            case "markdown" -> MARKDOWN;
            case "raw" -> RAW;
            default -> OTHER;
        };
    }
}
