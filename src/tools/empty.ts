// Stands in for react-devtools-core, which ink imports only in development.
export default {};
