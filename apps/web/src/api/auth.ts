import type { LoginRequest, Me } from '@anlan/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api<Me>('/api/auth/me', { redirectOn401: false, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
}

/** Forgets everything cached for the previous user and records who is signed in now (or nobody). */
function switchUser(client: QueryClient, me: Me | null): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  client.setQueryData(meKey, me);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<Me>('/api/auth/login', { method: 'POST', body, redirectOn401: false }),
    onSuccess: (me) => switchUser(client, me),
  });
}

/**
 * Signs out, then reloads the app at the login page: a reload leaves nothing of the previous user
 * in memory (shared office PCs), and the login page does not lead back to this user's last page.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST', redirectOn401: false }),
    // Even if the server could not be reached, this browser must stop showing the user's data.
    onSettled: () => window.location.replace('/login'),
  });
}
