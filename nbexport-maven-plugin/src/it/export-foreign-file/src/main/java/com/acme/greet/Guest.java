package com.acme.greet;

/** Written by hand, before the notebook exported a record of the same name. */
public record Guest(String name, String title) {
}
