package io.newsdesk.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Well-known alternative names of places and organisations, mapped onto one canonical name. */
final class EntityAliases {

  /** The canonical type and name an alias stands for. */
  record Alias(String type, String canonical) {}

  private static final Map<String, Alias> BY_FOLDED = new HashMap<>();

  static {
    add(
        "LOC",
        "United States",
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States of America",
        "America");
    add("LOC", "United Kingdom", "United Kingdom", "UK", "U.K.", "Britain", "Great Britain");
    add("LOC", "United Arab Emirates", "United Arab Emirates", "UAE", "U.A.E.", "Emirates");
    add("LOC", "Russia", "Russia", "Russian Federation");
    add(
        "LOC",
        "Turkey",
        "Turkey",
        "Türkiye",
        "Turkiye",
        "Republic of Türkiye",
        "Republic of Turkey");
    add("LOC", "Iran", "Iran", "Islamic Republic of Iran");
    add("LOC", "Saudi Arabia", "Saudi Arabia", "Kingdom of Saudi Arabia", "KSA");
    add(
        "LOC",
        "Kurdistan Region",
        "Kurdistan Region",
        "Kurdistan Region of Iraq",
        "Iraqi Kurdistan");
    add("ORG", "United Nations", "United Nations", "UN", "U.N.");
    add(
        "ORG",
        "UN Security Council",
        "UN Security Council",
        "Security Council",
        "United Nations Security Council",
        "U.N. Security Council");
    add("ORG", "European Union", "European Union", "EU", "E.U.");
    add("ORG", "NATO", "NATO", "North Atlantic Treaty Organization", "Nato");
    add(
        "ORG",
        "Islamic State",
        "Islamic State",
        "ISIS",
        "ISIL",
        "Daesh",
        "Islamic State group",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria");
    add(
        "ORG",
        "Popular Mobilization Forces",
        "Popular Mobilization Forces",
        "Popular Mobilisation Forces",
        "PMF",
        "Popular Mobilization Units",
        "PMU",
        "Hashd al-Shaabi",
        "al-Hashd al-Shaabi",
        "Hashed al-Shaabi");
    add("ORG", "Kurdistan Regional Government", "Kurdistan Regional Government", "KRG");
    add("ORG", "International Monetary Fund", "International Monetary Fund", "IMF");
    add("ORG", "World Health Organization", "World Health Organization", "WHO");
    add("ORG", "Central Intelligence Agency", "Central Intelligence Agency", "CIA");
    add("ORG", "Federal Bureau of Investigation", "Federal Bureau of Investigation", "FBI");
    add(
        "ORG",
        "U.S. Department of State",
        "State Department",
        "U.S. State Department",
        "US State Department",
        "Department of State");
    add(
        "ORG",
        "U.S. Department of Defense",
        "Pentagon",
        "Department of Defense",
        "Defense Department",
        "U.S. Department of Defense");
    add("ORG", "al-Qaeda", "al-Qaeda", "al Qaeda", "Al-Qaida", "al-Qaida");
    add(
        "ORG",
        "Islamic Revolutionary Guard Corps",
        "Islamic Revolutionary Guard Corps",
        "Revolutionary Guards",
        "IRGC",
        "Revolutionary Guard",
        "Islamic Revolutionary Guards Corps",
        "Iranian Revolutionary Guard Corps",
        "Iranian Revolutionary Guards Corps");
  }

  private EntityAliases() {}

  private static void add(String type, String canonical, String... names) {
    Alias a = new Alias(type, canonical);
    for (String n : names) {
      BY_FOLDED.put(String.join(" ", CanonicalKeys.fold(n)), a);
    }
  }

  /** The alias entry for a name, or null. */
  static Alias lookup(List<String> folded) {
    return BY_FOLDED.get(String.join(" ", folded));
  }
}
