import { createContext, useContext } from 'react';
import type { Caller } from './caller.ts';

/** The signed-in workspace's {@link Caller}; views below the workspace read it with {@link useCaller}. */
export const CallerContext = createContext<Caller | undefined>(undefined);

/** The API caller of the signed-in workspace. */
export function useCaller(): Caller {
  const caller = useContext(CallerContext);
  if (caller === undefined) throw new Error('useCaller is used outside the signed-in workspace');
  return caller;
}
