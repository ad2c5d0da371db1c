package dev.akguard.console.web;

/**
 * One notification channel as shown: never a secret, never a webhook URL's token (URLs carry them).
 */
public record ChannelView(String name, boolean enabled, String target, String secret) {}
