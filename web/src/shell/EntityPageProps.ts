/**
 * What the shell gives an entity page: the document id from `/<path>/:id` (`new` for a blank form), or none on the
 * list. Pages navigate with `useRouter().navigate(`/<path>/${id}`)` and work in `useAccountId()`.
 */
export type EntityPageProps = { id?: string };
