package com.acme.old;

/** Written by hand next to a generated class. */
class OldHelper {
}
