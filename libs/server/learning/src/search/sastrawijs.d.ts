// sastrawijs ships typings, but its package.json "exports" hides them from "moduleResolution": "bundler".
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    find(word: string): boolean;
    addToDict(words: string[]): void;
    remove(words: string[]): void;
  }
  export class Tokenizer {
    tokenize(sentence: string): string[];
  }
}
