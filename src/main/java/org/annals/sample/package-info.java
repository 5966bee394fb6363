/**
 * The sample project a new embedded installation starts with, so that a first visitor sees real
 * sources instead of empty pages. Built through the same services as everything users do.
 */
@NullMarked
package org.annals.sample;

import org.jspecify.annotations.NullMarked;
