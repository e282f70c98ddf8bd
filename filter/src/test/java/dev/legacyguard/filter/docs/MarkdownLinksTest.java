package dev.legacyguard.filter.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README is short and points into docs/, and the docs point at each other by section: a
 * moved file or a renamed heading must not leave a reader at a dead link. Every relative link in
 * the project's markdown (the root, each module's folder, docs/ and below) names a file that
 * exists, and every {@code #anchor} into a markdown file names one of its headings, as GitHub
 * spells anchors.
 */
class MarkdownLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();


    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$");

    @Test
    void everyRelativeLinkNamesAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (String target : relativeLinks(file)) {
                Path linked = linkedPath(file, target);
                if (!Files.exists(linked)) {
                    broken.add(relative(file) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }

    @Test
    void everyAnchorNamesAHeadingOfItsFile() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path file : markdownFiles()) {
            for (String target : relativeLinks(file)) {
                int hash = target.indexOf('#');
                Path linked = linkedPath(file, target);
                if (hash < 0 || !linked.toString().endsWith(".md") || !Files.isRegularFile(linked)) {
                    continue;
                }
                if (!anchors.computeIfAbsent(linked, MarkdownLinksTest::anchorsOf).contains(target.substring(hash + 1))) {
                    broken.add(relative(file) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "anchors that name no heading of their file");
    }

    @Test
    void anchorsAreSpelledAsGitHubSpellsThem() {
        assertEquals("2-declare-the-filter-in-web-infwebxml",
                anchor("2. Declare the filter in `WEB-INF/web.xml`"));
        assertEquals("explain-why-do-i-get-401", anchor("`explain`: why do I get 401?"));
        assertEquals("several-issuers-a-custom-domain", anchor("Several issuers (a custom domain)"));
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> near = Files.walk(ROOT, 2)) {
            files.addAll(near.filter(MarkdownLinksTest::isMarkdown).collect(Collectors.toList()));
        }
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(MarkdownLinksTest::isMarkdown).filter(p -> !files.contains(p)).forEach(files::add);
        }
        return files;
    }

    private static boolean isMarkdown(Path path) {
        for (Path part : ROOT.relativize(path)) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) {
                return false;
            }
        }
        return path.toString().endsWith(".md") && Files.isRegularFile(path);
    }

    /** Links outside fenced code blocks that name no scheme (http:, mailto:): files of this repository. */
    private static List<String> relativeLinks(Path file) throws IOException {
        List<String> links = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (!fenced && m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    private static Path linkedPath(Path file, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        return path.isEmpty() ? file : file.getParent().resolve(path).normalize();
    }

    private static Set<String> anchorsOf(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.trim().startsWith("```")) {
                    fenced = !fenced;
                }
                Matcher m = HEADING.matcher(line);
                if (!fenced && m.matches()) {
                    String anchor = anchor(m.group(1));
                    int times = seen.merge(anchor, 1, Integer::sum);
                    anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's rule: lower case, every character but letters, digits, spaces, '-' and '_' dropped, spaces to '-'. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String relative(Path path) {
        return ROOT.relativize(path).toString().replace('\\', '/');
    }
}
