package dev.nbexport.docs.output;

/** Where images of outputs and attachments go: files of the site, named by their content. */
@FunctionalInterface
public interface ImageSink {

    /**
     * Stores {@code content} as a site file and returns its path relative to the site root
     * ({@code _images/3f2a….png}); the same bytes give the same path.
     *
     * @param extension without the dot: {@code png}, {@code svg}
     */
    String store(byte[] content, String extension);

    /** The file extension for an image MIME type the site shows, or {@code null} for any other type. */
    static String extension(String mime) {
        return switch (mime) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "image/svg+xml" -> "svg";
            default -> null;
        };
    }
}
