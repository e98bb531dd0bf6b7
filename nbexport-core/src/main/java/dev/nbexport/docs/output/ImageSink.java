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
}
