/**
 * Quiz sessions: a learner asks for a quiz (items drawn with a seed from notes, a deck or tags, options
 * shuffled, answers left out) and answers its items one by one; each graded answer becomes a
 * {@code quiz.answers.v1} event.
 *
 * <p>Named {@code session} rather than {@code quiz} so the feature does not stutter inside the service's
 * own {@code dev.recall.quiz} root; the entities and tables keep the domain's word, {@code quiz}.
 */
package dev.recall.quiz.session;
