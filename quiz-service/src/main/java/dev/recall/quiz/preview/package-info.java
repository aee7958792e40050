/**
 * {@code POST /api/v1/generate}: the items a pasted note would give, computed and returned, nothing stored.
 *
 * <p>Named {@code preview} so it does not collide with the generator's own {@code dev.recall.quiz.generation}
 * package (quiz-generator), whose {@code Generator} it calls.
 */
package dev.recall.quiz.preview;
