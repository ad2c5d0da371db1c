package dev.akguard.testkit.jar;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A runnable jar built by the shade plugin, opened for the tests that hold its contents rules (what
 * it must not carry, which natives it keeps, that every dependency's licence and notice survived
 * the merge).
 */
public final class ShadedJar implements AutoCloseable {
    /**
     * Licence and notice files as dependencies ship them (not classes such as BouncyCastle's
     * LICENSE.class).
     */
    private static final Pattern LICENCE_FILE =
            Pattern.compile(
                    "(?i)((.*/)?(LICEN[CS]E|NOTICE|COPYING)[^/]*|about\\.html)(?<!\\.class)");

    private static final Pattern NOTICE_FILE = Pattern.compile("META-INF/NOTICE(\\.txt|\\.md)?");

    /**
     * Where the shade configuration merges every NOTICE variant (ApacheNoticeResourceTransformer).
     */
    private static final String MERGED_NOTICE = "META-INF/NOTICE";

    private final Path path;
    private final ZipFile zip;
    private final TreeSet<String> entries = new TreeSet<>();

    private ShadedJar(Path path) throws IOException {
        this.path = path;
        this.zip = new ZipFile(path.toFile());
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory()) entries.add(entry.getName());
        }
    }

    /** Opens a built jar; fails with what to run when the jar is not there. */
    public static ShadedJar open(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar
                            + " does not exist: it is built in the package phase (mvn verify runs the *IT tests after it)");
        }
        return new ShadedJar(jar);
    }

    public Path path() {
        return path;
    }

    public long size() throws IOException {
        return Files.size(path);
    }

    /** File entries (no directories), sorted. */
    public TreeSet<String> entries() {
        return entries;
    }

    public List<String> entriesMatching(Pattern pattern) {
        return entries.stream().filter(n -> pattern.matcher(n).matches()).toList();
    }

    public boolean contains(String name) {
        return entries.contains(name);
    }

    public String text(String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new IllegalArgumentException(path + " has no entry " + name);
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Manifest manifest() throws IOException {
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getManifest();
        }
    }

    /**
     * What {@link #checkLicences} found: every licence or notice file of a shaded dependency it
     * compared ({@code jar!/entry}), and those whose text this jar does not carry.
     */
    public record LicenceCheck(List<String> checked, List<String> lost) {}

    /**
     * Compares the licence and notice files of every classpath jar that was shaded into this one
     * (judged by its first class) with this jar's: at the same path, or for NOTICE files in the
     * merged META-INF/NOTICE. Every non-blank line of the dependency's file must be in the jar's
     * file (merging concatenates licences and de-duplicates notice paragraphs, so lines are what
     * survives unchanged).
     */
    public LicenceCheck checkLicences(Collection<Path> classpath) throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Path dependency : classpath) {
            if (!dependency.toString().endsWith(".jar") || !Files.isRegularFile(dependency))
                continue;
            try (ZipFile dep = new ZipFile(dependency.toFile())) {
                if (!wasShaded(dep)) continue;
                for (Enumeration<? extends ZipEntry> e = dep.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry.isDirectory() || !LICENCE_FILE.matcher(entry.getName()).matches())
                        continue;
                    String where = dependency.getFileName() + "!/" + entry.getName();
                    checked.add(where);
                    String target =
                            contains(entry.getName())
                                    ? entry.getName()
                                    : NOTICE_FILE.matcher(entry.getName()).matches()
                                            ? MERGED_NOTICE
                                            : null;
                    if (target == null || !contains(target)) {
                        lost.add(where + " (absent)");
                        continue;
                    }
                    String merged = text(target);
                    String original;
                    try (InputStream in = dep.getInputStream(entry)) {
                        original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    Optional<String> missing =
                            original.lines()
                                    .map(String::strip)
                                    .filter(l -> !l.isEmpty())
                                    .filter(l -> !merged.contains(l))
                                    .findFirst();
                    missing.ifPresent(
                            l -> lost.add(where + " (line not in " + target + ": " + l + ")"));
                }
            }
        }
        return new LicenceCheck(checked, lost);
    }

    private boolean wasShaded(ZipFile dependency) {
        for (Enumeration<? extends ZipEntry> e = dependency.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.endsWith(".class")
                    && !name.endsWith("module-info.class")
                    && !name.startsWith("META-INF/")) {
                return contains(name);
            }
        }
        return false;
    }

    /**
     * The jars of this test run's classpath (surefire and failsafe pass it in a property when they
     * use a manifest jar).
     */
    public static List<Path> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        return Arrays.stream(cp.split(Pattern.quote(File.pathSeparator)))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
