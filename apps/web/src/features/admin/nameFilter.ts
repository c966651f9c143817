/** Case-insensitive name match for the lists' name filter (the API filters by kind and status only). */
export const nameMatches = (name: string, query: string): boolean =>
  query.trim() === '' || name.toLowerCase().includes(query.trim().toLowerCase());
