// vader-sentiment ships no types; this is the part of its API Switchboard uses.
declare module 'vader-sentiment' {
  interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    /** The normalised sum of the valences, -1 … 1. */
    compound: number;
  }
  /** What VADER's scoring reads of a text: its words and emoticons, and whether only some are in capitals. */
  interface SentiText {
    text: string;
    words_and_emoticons: string[];
    is_cap_diff: boolean;
  }
  const vader: {
    SentimentIntensityAnalyzer: {
      polarity_scores(text: string): PolarityScores;
      sentiment_valence(valence: number, sentiText: SentiText, item: string, index: number, sentiments: number[]): number[];
      but_check(words: string[], sentiments: number[]): number[];
      score_valence(sentiments: number[], text: string): PolarityScores;
    };
  };
  export default vader;
}
