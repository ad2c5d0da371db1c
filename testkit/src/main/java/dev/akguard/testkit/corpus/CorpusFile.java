package dev.akguard.testkit.corpus;

import java.util.List;

/**
 * One generated file and exactly what a perfect detector reports for it.
 *
 * @param category what the file exercises, e.g. "java", "k8s-base64", "negative:placeholder"
 */
public record CorpusFile(String path, byte[] content, List<Expected> expected, String category) {
    public boolean negative() {
        return expected.isEmpty();
    }

    public CorpusFile withCategory(String c) {
        return new CorpusFile(path, content, expected, c);
    }
}
