/**
 * A list of the values of one of the api's enumerations (a union in the generated schema), for selects and
 * filters. The type check fails when the list lacks a value the api declares, or holds one it does not, so a
 * value the api adds cannot silently be missing from the console: `allOf<Registration['status']>()([...])`.
 */
export function allOf<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : { missingFromList: Exclude<Union, List[number]> }),
  ): List => list;
}
