/**
 * Sentiment: document tone in GDELT's fields and sentiment toward each entity.
 *
 * <p>{@link io.newsdesk.enrich.sentiment.LexiconSentimentAnnotator} is the implementation. Tone
 * comes from VADER's lexicon (read from the vader-sentiment-analyzer jar; its code is not used)
 * with Newsdesk's news overrides ({@code news-lexicon.tsv}), negation, intensifiers, dampeners and
 * contrast. Sentiment toward an entity comes from a multinomial logistic regression over hashed
 * features of the sentences that mention it, trained on NewsMTSC by {@link
 * io.newsdesk.enrich.sentiment.SentimentTrainer} ({@code newsdesk train sentiment}) and scored by
 * {@link io.newsdesk.enrich.sentiment.SentimentEvaluation} ({@code newsdesk eval sentiment}).
 * {@code Tokens} is a stop-gap until the shared tokenizer in {@code io.newsdesk.enrich.text} lands.
 */
package io.newsdesk.enrich.sentiment;
