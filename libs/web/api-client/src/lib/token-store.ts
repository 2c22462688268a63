/**
 * Where the session lives. The access token is kept in memory only, so a script that reads storage
 * cannot take it; the refresh token is persisted so a reload can restore the session.
 */
export const REFRESH_TOKEN_STORAGE_KEY = 'cadence.refreshToken';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

type Listener = () => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can throw when the browser blocks it (privacy settings); the session then lasts one page.
    return null;
  }
}

let memoryRefreshToken: string | null = null;

function notify(): void {
  listeners.forEach((listener) => listener());
}

export const tokenStore = {
  getAccessToken(): string | null {
    return accessToken;
  },

  /** Read from storage every time: another tab may have rotated it. */
  getRefreshToken(): string | null {
    const store = storage();
    return store ? store.getItem(REFRESH_TOKEN_STORAGE_KEY) : memoryRefreshToken;
  },

  /** True while a session exists or can be restored by a refresh. */
  hasSession(): boolean {
    return accessToken !== null || tokenStore.getRefreshToken() !== null;
  },

  setSession(tokens: SessionTokens): void {
    accessToken = tokens.accessToken;
    const store = storage();
    if (store) store.setItem(REFRESH_TOKEN_STORAGE_KEY, tokens.refreshToken);
    else memoryRefreshToken = tokens.refreshToken;
    notify();
  },

  clear(): void {
    const had = tokenStore.hasSession();
    accessToken = null;
    memoryRefreshToken = null;
    storage()?.removeItem(REFRESH_TOKEN_STORAGE_KEY);
    if (had) notify();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

if (typeof window !== 'undefined') {
  // Logging out in one tab logs out the others.
  window.addEventListener('storage', (event) => {
    if (event.key === REFRESH_TOKEN_STORAGE_KEY && event.newValue === null) {
      accessToken = null;
      notify();
    }
  });
}
