// markdown-it's internal types, under the names the rules use.
import type MarkdownIt from 'markdown-it';

export type Token = ReturnType<MarkdownIt['parse']>[number];
export type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];
export type StateBlock = Parameters<Parameters<MarkdownIt['block']['ruler']['push']>[1]>[0];
export type StateInline = Parameters<Parameters<MarkdownIt['inline']['ruler']['push']>[1]>[0];
