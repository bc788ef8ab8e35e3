/**
 * MiniSearch's radix tree, which the package exports as `minisearch/SearchableMap`; the types are
 * those it ships, found by their file since this project resolves modules without package exports.
 */
declare module 'minisearch/SearchableMap' {
  import SearchableMap from 'minisearch/dist/es/SearchableMap';
  export default SearchableMap;
}
