package dev.destek.rules;

/** One document the rules require (or accept) for a support item, with the article that asks for it. */
public record ChecklistEntry(String documentType, String article, String descriptionEn, String descriptionTr,
                             boolean required) { }
