package io.newsdesk.ingest.feed;

import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Textual repairs that make common broken feeds well-formed: HTML entities, bare ampersands,
 * doctypes, control characters and junk before the root element. CDATA and comments are kept.
 */
final class XmlRepair {
  private XmlRepair() {}

  static String repair(String xml, List<String> warnings) {
    StringBuilder out = new StringBuilder(xml.length() + 64);
    int start = 0;
    if (!xml.isEmpty() && xml.charAt(0) == '\uFEFF') {
      start = 1;
    }
    int firstLt = xml.indexOf('<', start);
    if (firstLt < 0) {
      return xml;
    }
    if (!xml.substring(start, firstLt).isBlank()) {
      warnings.add("text before the root element");
    }
    int i = firstLt;
    int n = xml.length();
    while (i < n) {
      char c = xml.charAt(i);
      if (c == '<') {
        if (xml.startsWith("<![CDATA[", i)) {
          int end = xml.indexOf("]]>", i);
          end = end < 0 ? n : end + 3;
          appendValidChars(out, xml, i, end, warnings);
          i = end;
          continue;
        }
        if (xml.startsWith("<!--", i)) {
          int end = xml.indexOf("-->", i + 4);
          end = end < 0 ? n : end + 3;
          out.append(xml, i, end);
          i = end;
          continue;
        }
        if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
          i = skipDoctype(xml, i);
          continue;
        }
        if (xml.startsWith("<?xml", i) && i != firstLt) {
          // A second XML declaration (concatenated documents) is fatal to every parser.
          int end = xml.indexOf("?>", i);
          warnings.add("misplaced XML declaration");
          i = end < 0 ? n : end + 2;
          continue;
        }
        out.append(c);
        i++;
      } else if (c == '&') {
        int semi = entityEnd(xml, i);
        if (semi < 0) {
          out.append("&amp;");
          warnings.add("bare ampersand");
          i++;
          continue;
        }
        String name = xml.substring(i + 1, semi);
        if (name.startsWith("#") || isXmlEntity(name)) {
          out.append(xml, i, semi + 1);
        } else {
          String value = Entities.getByName(name);
          if (value == null || value.isEmpty()) {
            out.append("&amp;").append(name).append(';');
            warnings.add("undefined entity &" + name + ";");
          } else {
            value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            warnings.add("HTML entity &" + name + ";");
          }
        }
        i = semi + 1;
      } else {
        if (isValidXmlChar(c)) {
          out.append(c);
        } else {
          warnings.add("invalid XML character");
        }
        i++;
      }
    }
    return out.toString();
  }

  private static void appendValidChars(
      StringBuilder out, String s, int from, int to, List<String> warnings) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (isValidXmlChar(c)) {
        out.append(c);
      } else {
        warnings.add("invalid XML character");
      }
    }
  }

  private static boolean isValidXmlChar(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
  }

  private static boolean isXmlEntity(String name) {
    return name.equals("amp")
        || name.equals("lt")
        || name.equals("gt")
        || name.equals("quot")
        || name.equals("apos");
  }

  /** The index of the ';' closing a well-formed reference at {@code amp}, or -1. */
  private static int entityEnd(String s, int amp) {
    int n = s.length();
    int k = amp + 1;
    if (k < n && s.charAt(k) == '#') {
      k++;
      boolean hex = k < n && (s.charAt(k) == 'x' || s.charAt(k) == 'X');
      if (hex) {
        k++;
      }
      int digits = 0;
      while (k < n
          && (hex ? Character.digit(s.charAt(k), 16) >= 0 : Character.isDigit(s.charAt(k)))) {
        k++;
        digits++;
      }
      return digits > 0 && k < n && s.charAt(k) == ';' ? k : -1;
    }
    int letters = 0;
    while (k < n && letters < 32 && (Character.isLetterOrDigit(s.charAt(k)))) {
      k++;
      letters++;
    }
    return letters > 0 && k < n && s.charAt(k) == ';' ? k : -1;
  }

  private static int skipDoctype(String s, int from) {
    int depth = 0;
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return k + 1;
      }
    }
    return s.length();
  }
}
