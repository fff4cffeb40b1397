package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.core.rpm.Evr;
import java.util.ArrayList;
import java.util.List;

/**
 * An rpm boolean ("rich") dependency as a tree, e.g. {@code (a >= 1 or (b if c))}. Operators: and, or, if,
 * if-else, unless, unless-else, with, without (rpm 4.14 syntax). Parsing follows rpm's rules: names may contain
 * balanced parentheses ({@code libfoo.so()(64bit)}), a group mixes only one operator except the else branch.
 */
public sealed interface RichDep {
  /** A plain dependency inside a boolean expression. */
  record Leaf(Dep dep) implements RichDep {}

  /** An operator over two or more operands; {@code elseBranch} only for if/unless. */
  record Op(String op, List<RichDep> args, RichDep elseBranch) implements RichDep {}

  /** Parses a rich dependency string (starting with '('); throws IllegalArgumentException naming it if invalid. */
  static RichDep parse(String text) {
    Parser p = new Parser(text);
    RichDep d = p.group();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("trailing characters");
    }
    return d;
  }

  /** Recursive descent over the rpm grammar. */
  final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    RichDep group() {
      skipSpace();
      expect('(');
      List<RichDep> args = new ArrayList<>();
      args.add(operand());
      String op = null;
      RichDep elseBranch = null;
      while (true) {
        skipSpace();
        if (peek() == ')') {
          pos++;
          break;
        }
        String word = word();
        if (word.equals("else")) {
          if (!"if".equals(op) && !"unless".equals(op) || elseBranch != null) {
            throw error("'else' without if/unless");
          }
          elseBranch = operand();
          continue;
        }
        if (!List.of("and", "or", "if", "unless", "with", "without").contains(word)) {
          throw error("unknown operator '" + word + "'");
        }
        if (op != null && (!op.equals(word) || op.equals("if") || op.equals("unless"))) {
          throw error("mixed operators '" + op + "' and '" + word + "' need parentheses");
        }
        op = word;
        args.add(operand());
      }
      if (op == null) {
        return args.get(0);
      }
      return new Op(op, List.copyOf(args), elseBranch);
    }

    private RichDep operand() {
      skipSpace();
      if (peek() == '(') {
        return group();
      }
      String name = name();
      skipSpace();
      int save = pos;
      String cmp = comparison();
      if (cmp == null) {
        pos = save;
        return new Leaf(new Dep(name, 0, null));
      }
      skipSpace();
      String version = name();
      int flags = switch (cmp) {
        case "=", "==" -> Dep.EQ;
        case "<" -> Dep.LT;
        case ">" -> Dep.GT;
        case "<=", "=<" -> Dep.LT | Dep.EQ;
        case ">=", "=>" -> Dep.GT | Dep.EQ;
        default -> throw error("bad comparison '" + cmp + "'");
      };
      return new Leaf(new Dep(name, flags, Evr.parse(version)));
    }

    private String comparison() {
      int start = pos;
      while (pos < s.length() && "<>=".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      return pos == start ? null : s.substring(start, pos);
    }

    /** A name or version: up to whitespace or an unbalanced ')'. */
    private String name() {
      int start = pos;
      int depth = 0;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (Character.isWhitespace(c)) {
          break;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        }
        pos++;
      }
      if (pos == start) {
        throw error("expected a name");
      }
      return s.substring(start, pos);
    }

    private String word() {
      int start = pos;
      while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw error("expected an operator");
      }
      return s.substring(start, pos);
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid rich dependency '" + s + "': " + what + " at offset " + pos);
    }
  }
}
