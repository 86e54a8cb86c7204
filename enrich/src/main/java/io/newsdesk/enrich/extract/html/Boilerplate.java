package io.newsdesk.enrich.extract.html;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The signs of page chrome: tag names, class and id words, and stock phrases. */
final class Boilerplate {

  /** Tag names of elements removed before anything else: never article text. */
  static final Set<String> NEVER_CONTENT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "video",
          "audio",
          "map",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "label",
          "link",
          "meta",
          "dialog");

  /** Landmarks that are chrome unless they hold most of the page's paragraph text. */
  static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "menu");

  // Names that always mean chrome: whatever they hold, it is not the article. Matched as
  // substrings, ASCII case ignored ("read-?more" lists both spellings). Literal look-ups: a regex
  // alternation of these words took a tenth of the extraction time on real pages.
  private static final String[] HARD_NEGATIVE = {
    "comment",
    "disqus",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "outbrain",
    "taboola",
    "breadcrumb",
    "pagination",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "morestories",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "trending",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "paywall",
    "promo",
    "sponsor",
    "advert",
    "adslot",
    "ad-slot",
    "ad-container",
    "adwrapper",
    "ad-wrapper",
    "dfp",
    "googlead",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "footer",
    "navbar",
    "navigation",
    "skip-link",
    "skiplink",
    "jump-link",
    "toolbar",
    "author-bio",
    "authorbio",
    "authorbox",
    "author-box",
    "about-the-author",
    "aboutthe-author",
    "about-theauthor",
    "abouttheauthor",
    "tag-list",
    "taglist",
    "tags",
    "topics",
    "keywords",
    "print-only",
    "printonly",
    "screen-reader",
    "screenreader",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "login",
    "rating",
    "masthead",
    "subnav",
    "submenu",
    "offcanvas",
    "off-canvas",
    "nav-",
    "-nav",
    "menu",
    "banner"
  };

  // Short words that count only as whole tokens ("ad" in "ad-unit" but not in "header"): tokens
  // are separated by whitespace, '_' and '-'; ASCII case ignored.
  private static final Set<String> NEGATIVE_TOKEN =
      Set.of(
          "ad",
          "ads",
          "nav",
          "bio",
          "tag",
          "meta",
          "aside",
          "extra",
          "byline",
          "dateline",
          "credit",
          "credits",
          "caption",
          "hidden",
          "hide",
          "noprint",
          "legal",
          "copyright",
          "header",
          "timestamp",
          "date",
          "time",
          "author");

  private static final int TOKEN_MIN =
      NEGATIVE_TOKEN.stream().mapToInt(String::length).min().orElseThrow();
  private static final int TOKEN_MAX =
      NEGATIVE_TOKEN.stream().mapToInt(String::length).max().orElseThrow();

  private static final String[] POSITIVE = {
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "news",
    "hentry",
    "prose",
    "copy",
    "page-content",
    "pagecontent"
  };

  private static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?i)^(?:advertisement|advertisements|anzeige|werbung|sponsored( content)?|ad|"
              + "share( this| the)?( article| story| post| page)?( on \\w+)?|share via .*|"
              + "follow us( on .*)?|sign up( for| to) .*|subscribe( now| to .*)?|"
              + "read (?:more|next|also)\\b.*|related( articles| stories| posts| content| links)?:?|"
              + "recommended( for you)?|you may also like.*|more from .*|see also:?|"
              + "click here .*|(?:image|photo|picture|video|source)( credit)?:.*|"
              + "all rights reserved\\.?|copyright .*|© .*|\\(c\\) \\d{4}.*|"
              + "loading\\.*|comments?|\\d+ comments?|leave a (?:comment|reply)|print|e-?mail|"
              + "tweet|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|"
              + "back to top|skip to (?:main )?content|tags?:.*|topics?:.*|filed under:?.*|"
              + "this (?:article|story) (?:was|is|has been) .*(?:updated|corrected).*|"
              + "we use cookies.*|accept( all)?( cookies)?|"
              + "(?:please )?(?:enable|disable) (?:javascript|your ad ?blocker).*|"
              // the same chrome in the other languages of the news web
              + "weiterlesen.*|mehr zum thema.*|zum thema:?|lesen sie (?:auch|mehr).*|auch interessant.*|"
              + "das könnte (?:dich|sie) (?:auch )?interessieren.*|kommentieren|kommentare?( \\(\\d+\\))?|"
              + "teilen|drucken|weitere informationen:?|kontakt:?|(?:fotos?|bilder?|quelle):.*|"
              + "(?:à )?lire aussi.*|voir aussi.*|articles? les plus lus|crédits? photos?.*|partager|"
              + "lea también.*|leer más.*|ver también.*|compartir|publicidad|"
              + "veja também:?.*|leia (?:mais|também).*|compartilhe|"
              + "leggi anche.*|condividi|pubblicità|czytaj (?:też|także|więcej).*|zobacz (?:też|także).*|"
              + "(?:afp|dpa|reuters|ap|epa|getty images|imago|apa|keystone)(?: ?/ ?[^.]{0,60})?|"
              + ".{0,80}already (?:a )?subscriber.*|to (?:view|read|continue) .{0,40}subscribe.*)$");

  private Boilerplate() {}

  static String names(Element e) {
    String id = e.id();
    String cls = e.className();
    if (id.isEmpty()) {
      return cls;
    }
    return cls.isEmpty() ? id : cls + " " + id;
  }

  /** Always chrome by its class or id. */
  static boolean hardNegative(String names) {
    return !names.isEmpty() && containsAny(asciiLower(names), HARD_NEGATIVE);
  }

  /** Probably chrome by its class or id. */
  static boolean softNegative(String names) {
    if (names.isEmpty()) {
      return false;
    }
    String lower = asciiLower(names);
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      if (i == lower.length() || isTokenSeparator(lower.charAt(i))) {
        // Only a token of a listed length can be one: the others need no copy to look up.
        int length = i - start;
        if (length >= TOKEN_MIN
            && length <= TOKEN_MAX
            && NEGATIVE_TOKEN.contains(lower.substring(start, i))) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  static boolean positive(String names) {
    return !names.isEmpty() && containsAny(asciiLower(names), POSITIVE);
  }

  private static boolean containsAny(String lower, String[] words) {
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whitespace as Java regexes read {@code \\s}, '_' and '-'. */
  private static boolean isTokenSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '_'
        || c == '-';
  }

  /** Lower case for ASCII letters only, as a case-insensitive regex without UNICODE_CASE. */
  private static String asciiLower(String s) {
    int i = 0;
    while (i < s.length() && !(s.charAt(i) >= 'A' && s.charAt(i) <= 'Z')) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] c = s.toCharArray();
    for (; i < c.length; i++) {
      if (c[i] >= 'A' && c[i] <= 'Z') {
        c[i] = (char) (c[i] + 32);
      }
    }
    return new String(c);
  }

  /** Readability-style class weight: positive names help, negative ones hurt. */
  static int classWeight(Element e) {
    String n = names(e);
    if (n.isEmpty()) {
      return 0;
    }
    int w = 0;
    if (positive(n)) {
      w += 25;
    }
    if (hardNegative(n) || softNegative(n)) {
      w -= 25;
    }
    return w;
  }

  /** A stock line of chrome ("Share this article", "Advertisement"). */
  static boolean boilerplateLine(String line) {
    return line.length() < 160 && BOILERPLATE_LINE.matcher(line.strip()).matches();
  }
}
