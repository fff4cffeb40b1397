package io.kubeferry.bundler.rpm;

/** One %changelog entry: author line, time (epoch seconds) and text. */
public record RpmChangelog(String author, long time, String text) {}
