package io.atrium.local.shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The methods of one Java source file and how many lines each spans, found without a Java parser: comments,
 * strings, text blocks and char literals are blanked, then braces are matched. A brace block opened directly in
 * a type body is a method (or constructor, compact constructor, initializer) unless its header declares a type
 * or initialises a field; everything nested in a method (lambdas, local and anonymous classes) counts as the
 * method's own lines.
 */
public final class SourceShape {

    /** One method: the name found in its header, its first line (the signature) and how many lines it spans. */
    public record Method(String name, int line, int lines) {
    }

    private static final Pattern TYPE_HEADER = Pattern.compile("(^|[^\\w.@])(class|interface|enum|record)\\s+\\w|@interface");

    private enum Kind { TYPE, METHOD, OTHER }

    private record Frame(Kind kind, String name, int line, boolean keepsHeader) {
    }

    private SourceShape() {
    }

    /** Every method of {@code source} in source order of its closing brace. */
    public static List<Method> methods(String source) {
        String code = blank(source);
        int[] lineAt = lines(code);
        List<Method> out = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        int headerStart = 0;
        int parens = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens = Math.max(0, parens - 1);
            } else if (c == ';' && inType(frames) && parens == 0) {
                headerStart = i + 1;
            } else if (c == '{') {
                Frame frame = open(frames, code, headerStart, i, parens, lineAt);
                frames.push(frame);
                if (!frame.keepsHeader()) {
                    headerStart = i + 1;
                    parens = 0;
                }
            } else if (c == '}' && !frames.isEmpty()) {
                Frame closed = frames.pop();
                if (closed.kind() == Kind.METHOD && inType(frames)) {
                    out.add(new Method(closed.name(), closed.line(), lineAt[i] - closed.line() + 1));
                }
                if (!closed.keepsHeader()) {
                    headerStart = i + 1;
                }
            }
        }
        return out;
    }

    private static int[] lines(String code) {
        int[] at = new int[code.length() + 1];
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            at[i] = line;
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        at[code.length()] = line;
        return at;
    }

    private static boolean inType(Deque<Frame> frames) {
        return frames.isEmpty() || frames.peek().kind() == Kind.TYPE;
    }

    private static Frame open(Deque<Frame> frames, String code, int headerStart, int brace, int parens, int[] lineAt) {
        if (!inType(frames)) {
            return new Frame(Kind.OTHER, "", 0, false);
        }
        if (parens > 0) {
            return new Frame(Kind.OTHER, "", 0, true); // an array in an annotation's arguments
        }
        String header = code.substring(headerStart, brace);
        String h = header.strip();
        if (frames.isEmpty() || TYPE_HEADER.matcher(" " + h).find()) {
            return new Frame(Kind.TYPE, "", 0, false);
        }
        if (assigns(h)) {
            return new Frame(Kind.OTHER, "", 0, false);
        }
        int first = headerStart + (header.length() - header.stripLeading().length());
        return new Frame(Kind.METHOD, name(h), lineAt[first], false);
    }

    private static boolean assigns(String header) {
        int depth = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            } else if (c == '=' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static String name(String header) {
        String withoutAnnotations = header.replaceAll("@\\w+(\\.\\w+)*(\\s*\\([^)]*\\))?", " ");
        int paren = withoutAnnotations.indexOf('(');
        String beforeParen = paren < 0 ? withoutAnnotations : withoutAnnotations.substring(0, paren);
        String[] words = beforeParen.trim().split("\\s+");
        String last = words[words.length - 1];
        return last.isEmpty() || last.equals("static") ? "<initializer>" : last;
    }

    /** The source with comments and literals replaced by spaces, line breaks kept. */
    static String blank(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = skip(s, out, i, s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i));
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = skip(s, out, i, end < 0 ? s.length() : end + 2);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                i = skip(s, out, i, end < 0 ? s.length() : end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = skip(s, out, i, Math.min(s.length(), j + 1));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skip(String s, StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
