// Types for the few deep `natural` modules the tagger loads. Importing the package root would
// pull in its database back-ends (pg, redis, mongoose) and cost a second at every cold start.

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  export default class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}

declare module 'natural/lib/natural/tfidf/tfidf.js' {
  export default class TfIdf {
    addDocument(document: string[] | string, key?: unknown): void;
    idf(term: string, force?: boolean): number;
  }
}
