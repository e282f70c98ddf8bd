package dev.legacyguard.filter.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's path: literal segments, {@code *} for exactly one segment, {@code **} for any
 * number of segments (also none), and {@code {organization}} for exactly one segment that names
 * the organization the token must be for. Matched against a path already normalised by
 * {@link RequestPath}, segment by segment, without allocating.
 *
 * <p>At most one {@code {organization}}, and never after a {@code **}: then it is always the
 * same segment of the path (its position in the pattern), so no path can be matched with one
 * organization by the rules and mean another, e.g. {@code /orgs/A/orgs/B} under
 * {@code /**}{@code /orgs/{organization}/**}.
 */
public final class PathPattern {
    static final String ORGANIZATION = "{organization}";
    private static final String ONE = "*";
    private static final String ANY = "**";
    private static final String FORBIDDEN = "%;\\?#";

    private final String text;
    private final String[] segments;
    /** Which segment of a matching path names the organization; -1 when the pattern binds none. */
    private final int organizationSegment;

    private PathPattern(String text, String[] segments, int organizationSegment) {
        this.text = text;
        this.segments = segments;
        this.organizationSegment = organizationSegment;
    }

    /** @throws IllegalArgumentException saying what is wrong and what is expected */
    public static PathPattern compile(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("the path \"" + text + "\" must start with /");
        }
        List<String> segments = new ArrayList<>();
        int organizationSegment = -1;
        for (String segment : text.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(ORGANIZATION)) {
                if (organizationSegment >= 0) {
                    throw new IllegalArgumentException("the path \"" + text + "\" has " + ORGANIZATION
                            + " twice; a rule binds one segment to the token's organization");
                }
                if (segments.contains(ANY)) {
                    throw new IllegalArgumentException("the path \"" + text + "\" has " + ORGANIZATION + " after **;"
                            + " write the segments before it without ** so that one segment names the organization");
                }
                organizationSegment = segments.size();
                segments.add(ORGANIZATION);
                continue;
            }
            if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("the path \"" + text + "\" has \"" + segment + "\"; the only path"
                        + " variable is " + ORGANIZATION + ", written as a whole segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("the path \"" + text + "\" contains a \"" + segment
                        + "\" segment; write the path without dot segments");
            }
            if (segment.indexOf('*') >= 0 && !segment.equals(ONE) && !segment.equals(ANY)) {
                throw new IllegalArgumentException("the path \"" + text + "\" has \"" + segment
                        + "\"; a wildcard must be a whole segment: * for one segment, ** for any number");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (FORBIDDEN.indexOf(c) >= 0 || c <= 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException("the path \"" + text + "\" contains '" + c
                            + "'; write the decoded path without ; % \\ ? # or spaces");
                }
            }
            boolean repeatsAny = segment.equals(ANY) && !segments.isEmpty()
                    && segments.get(segments.size() - 1).equals(ANY);
            if (!repeatsAny) {
                segments.add(segment.equals(ONE) ? ONE : segment.equals(ANY) ? ANY : segment);
            }
        }
        return new PathPattern(text, segments.toArray(new String[0]), organizationSegment);
    }

    /** Whether a matching path names an organization ({@code {organization}} in the pattern). */
    public boolean bindsOrganization() {
        return organizationSegment >= 0;
    }

    /**
     * The decoded segment that {@code {organization}} matched in {@code path}, which this pattern
     * {@link #matches}; null when the pattern binds none.
     */
    public String organizationIn(String path) {
        if (organizationSegment < 0) {
            return null;
        }
        int start = 1;
        for (int i = 0; i < organizationSegment; i++) {
            start = path.indexOf('/', start) + 1;
        }
        int end = path.indexOf('/', start);
        return path.substring(start, end < 0 ? path.length() : end);
    }

    /** {@code path} must come from {@link RequestPath#normalize}: "/" or "/a/b", no empty segments. */
    public boolean matches(String path) {
        int length = path.length();
        int start = length == 1 ? 2 : 1;
        int p = 0;
        int backtrackPattern = -1;
        int backtrackStart = 0;
        while (start <= length) {
            if (p < segments.length && segments[p] == ANY) {
                backtrackPattern = p++;
                backtrackStart = start;
                continue;
            }
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (p < segments.length
                    && (segments[p] == ONE || segments[p] == ORGANIZATION || literalAt(segments[p], path, start, end))) {
                p++;
                start = end + 1;
                continue;
            }
            if (backtrackPattern < 0) {
                return false;
            }
            // Let the last ** swallow one more segment and retry from there.
            p = backtrackPattern + 1;
            int swallowed = path.indexOf('/', backtrackStart);
            backtrackStart = swallowed < 0 ? length + 1 : swallowed + 1;
            start = backtrackStart;
        }
        while (p < segments.length && segments[p] == ANY) {
            p++;
        }
        return p == segments.length;
    }

    private static boolean literalAt(String literal, String path, int start, int end) {
        return end - start == literal.length() && path.regionMatches(start, literal, 0, literal.length());
    }

    @Override
    public String toString() {
        return text;
    }
}
