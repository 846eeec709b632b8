// string-width's answers for the characters the story uses and the graphemes the glitch makes.
// The build (src/tools/build.ts) asks string-width for them and puts the table here, so that a
// game never pays string-width's cold start (its emoji expressions take tens of milliseconds to
// compile) for text it knows. From source (tsx, the tests) the table is empty and string-width
// answers everything. Characters a player types are measured by string-width in either case.
export const KNOWN_WIDTHS: Readonly<Record<string, number>> = {};
