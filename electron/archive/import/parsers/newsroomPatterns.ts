// What a newspaper web page leaves in a text capture besides the article, as
// DATA: add a row for a new paper instead of writing code. Patterns match a
// whole line after trimming (no-break spaces included).

/** Lines dropped wherever they appear: navigation, share bars, ads. */
export const BOILERPLATE: readonly RegExp[] = [
  /^(?:go|skip|jump) to (?:the )?(?:main )?(?:contents?|navigation|article|search)$/iu,
  /^(?:advertisement|ad|sponsored(?: content)?|continue reading(?: the main story)?|read more|subscribe(?: now)?)$/iu,
  /^(?:share|print|e-?mail|tweet|facebook|twitter|kakao(?:talk|story)?|naver|band|line|copy (?:url|link)|font size|text size|listen|bookmark|comments?|save|reprints?)(?:\s*(?:[|/·•,]|\s)\s*(?:share|print|e-?mail|tweet|facebook|twitter|kakao(?:talk|story)?|naver|band|line|copy (?:url|link)|font size|text size|listen|bookmark|comments?|save|reprints?))*$/iu,
  /^(?:본문\s*바로\s*가기|본문으로 바로가기|메뉴 바로가기|광고|공유하기|인쇄하기?|글자\s*크기(?:\s*설정)?|기사\s*저장|스크랩|댓글|좋아요|구독)$/u,
  /^(?:本文へ(?:スキップ)?|広告|印刷|共有)$/u,
  /^(?:ⓒ|©|\(c\)|copyright\b).{0,200}$/iu,
  /^.{0,120}(?:all rights reserved|무단\s*전재.{0,20}금지|재배포\s*금지).{0,60}$/iu,
];

/** Once the body has started, a line matching one of these ends it (related links, footers). */
export const TRAILERS: readonly RegExp[] = [
  /^(?:related (?:articles?|stories|news)|most (?:read|viewed|popular)|more from|recommended|you may also like)\b.{0,40}$/iu,
  /^(?:관련\s*기사|많이 본 뉴스|인기\s*기사|추천\s*기사)$/u,
  /^(?:関連記事|人気記事)$/u,
];

/** Byline lines; group 1 is the name kept in the byline field. */
export const BYLINES: readonly RegExp[] = [
  /^by\s+([\p{L}][\p{L}\p{M} .,'’-]{1,80}?)(?:\s*[|/,]\s*\S+@\S+)?$/iu,
  /^([\p{Script=Hangul}]{2,5}(?:\s*[·,]\s*[\p{Script=Hangul}]{2,5})*\s*(?:기자|특파원|선임기자|논설위원|객원기자))(?:\s+\S+@\S+)?$/u,
  /^([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,8}\s*記者)$/u,
];
