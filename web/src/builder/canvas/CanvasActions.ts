import { createContext, useContext } from 'react';

/** What a node on the canvas can ask of the builder; in a context so node data stays plain and memo-friendly. */
export type CanvasActions = {
  toggleCollapse: (uid: string) => void;
  editNumbers: () => void;
};

export const CanvasActionsContext = createContext<CanvasActions>({ toggleCollapse: () => {}, editNumbers: () => {} });

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
