import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { graphql, setBearer } from './api';

/** What a caller's token says it covers (its claims, as the service reads them: Caller.of). */
export type Scope = { departments: string[]; regions: string[]; sirets: string[]; adviserId: string | null };

/** Who the pages act as: a label for the header, the role, how it signed in, and what its token covers. */
export type Session = { label: string; role: string; preset: string; scope: Scope };

/** The claims of a JWT (base64url JSON, UTF-8), read to show the caller what is its: the service decides. */
function claimsOf<T>(token: string): T {
  const base64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))) as T;
}

/** The scope claims of an access token. */
export function scopeOfToken(token: string): Scope {
  const claims = claimsOf<{ departments?: string[] | string; regions?: string[] | string; sirets?: string[] | string;
    adviser_id?: string }>(token);
  const list = (v: string[] | string | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  return { departments: list(claims.departments), regions: list(claims.regions), sirets: list(claims.sirets),
    adviserId: claims.adviser_id ?? null };
}

/** The deployment's sign-in, as the service describes it (GET /pages/config.json). */
export type PagesConfig = { devTokens: boolean; oidc: { authority: string; clientId: string; scope: string } | null };

/** Where the provider sends the browser back after signing in: a page of the application (WebPagesController). */
export const SIGN_IN_CALLBACK = '/connexion';

/**
 * The deployment's OpenID Connect provider: authorization code with PKCE, the tokens kept in memory only (the store
 * of the user is in memory; only the short-lived state of the redirect, its PKCE verifier, waits in sessionStorage).
 */
function userManager(oidc: NonNullable<PagesConfig['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${window.location.origin}${SIGN_IN_CALLBACK}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
  });
}

const ROLE_LABELS: Record<string, string> = {
  ANCT: 'ANCT', PREFECTURE: 'Préfecture', SGAR: 'SGAR', HUB: 'Hub', EMPLOYER: 'Employeur', COORDINATOR: 'Coordinateur',
};

/** The session of a user signed in at the provider: its name and the roles its access token carries. */
function sessionOf(user: User): Session {
  const claims = claimsOf<{ roles?: string[]; realm_access?: { roles?: string[] } }>(user.access_token);
  const roles = [...(claims.roles ?? []), ...(claims.realm_access?.roles ?? [])].filter((r) => r in ROLE_LABELS);
  const name = user.profile.name ?? user.profile.email ?? user.profile.sub;
  return { label: `${name}${roles.length ? ` (${roles.map((r) => ROLE_LABELS[r]).join(', ')})` : ''}`, role: roles[0] ?? '',
    preset: 'oidc', scope: scopeOfToken(user.access_token) };
}

/**
 * The local profile's roles, each a development token the service signs for this machine only: a role and its scope,
 * on the demo network (Corsica).
 */
export const PRESETS: { id: string; label: string; path: string }[] = [
  { id: 'anct', label: 'ANCT (national)', path: 'ANCT' },
  { id: 'prefecture-2a', label: 'Préfecture de Corse-du-Sud (2A)', path: 'PREFECTURE?departments=2A' },
  { id: 'prefecture-2b', label: 'Préfecture de Haute-Corse (2B)', path: 'PREFECTURE?departments=2B' },
  { id: 'sgar-94', label: 'SGAR de Corse (94)', path: 'SGAR?regions=94' },
  { id: 'hub-94', label: 'Hub de Corse (région 94)', path: 'HUB?regions=94' },
  { id: 'employer-collectivite', label: 'Employeur : Collectivité de Corse', path: 'EMPLOYER?sirets=20007695800012' },
];

const STORAGE_KEY = 'maillage.role';

type SessionContextValue = {
  session: Session | null;
  config: PagesConfig | null;
  /** Signs in with a role of the local profile (a preset id). */
  signIn: (preset: string) => Promise<void>;
  /** Leaves for the provider's sign-in page; back on `returnTo` once signed in. */
  signInWithProvider: (returnTo: string) => Promise<void>;
  /** On the callback page: completes the sign-in and answers where to go back. */
  completeSignIn: () => Promise<string>;
  signOut: () => void;
};

const SessionContext = createContext<SessionContextValue>({
  session: null, config: null, signIn: async () => undefined, signInWithProvider: async () => undefined,
  completeSignIn: async () => '/', signOut: () => undefined,
});

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

async function devToken(path: string): Promise<string> {
  const response = await fetch(`/dev/tokens/${path}`);
  if (!response.ok) {
    throw new Error(`Jeton de développement refusé (HTTP ${response.status})`);
  }
  return ((await response.json()) as { token: string }).token;
}

/** A coordinator of the demo, as a preset id "coordinator:<adviser id>:<name>". */
export function coordinatorPreset(id: string, name: string): string {
  return `coordinator:${id}:${name}`;
}

/**
 * The demo's coordinators of a region, read with an ANCT development token (local profile only), each named by its
 * employer and perimeter: the picker shows no adviser's name, even on this machine.
 */
export async function demoCoordinators(regionCode: string): Promise<{ id: string; name: string }[]> {
  const anct = await devToken('ANCT');
  const data = await graphql<{ advisers: { nodes: { id: string; employer: { name: string } | null;
      coordinatorRole: { perimeter: { name: string }[] } | null }[] } }>(
      `query($r: String!) { advisers(within: {level: REGION, code: $r}, coordinatorsOnly: true, first: 50) {
        nodes { id employer { name } coordinatorRole { perimeter { name } } } } }`, { r: regionCode }, undefined, anct);
  return data.advisers.nodes.map((a) => ({
    id: a.id,
    name: `${a.employer?.name ?? 'sans employeur'}, ${(a.coordinatorRole?.perimeter ?? []).map((t) => t.name).join(', ') || 'sans périmètre'}`,
  }));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [config, setConfig] = useState<PagesConfig | null>(null);

  const signIn = useCallback(async (preset: string) => {
    let label: string;
    let path: string;
    let role: string;
    if (preset.startsWith('coordinator:')) {
      const [, id, ...name] = preset.split(':');
      label = `Coordinateur : ${name.join(':')}`;
      path = `COORDINATOR?adviserId=${encodeURIComponent(id)}`;
      role = 'COORDINATOR';
    } else {
      const found = PRESETS.find((p) => p.id === preset);
      if (!found) {
        throw new Error(`Rôle inconnu : ${preset}`);
      }
      label = found.label;
      path = found.path;
      role = path.split('?')[0];
    }
    const token = await devToken(path);
    setBearer(token);
    sessionStorage.setItem(STORAGE_KEY, preset);
    setSession({ label, role, preset, scope: scopeOfToken(token) });
  }, []);

  const [manager, setManager] = useState<UserManager | null>(null);

  const signInWithProvider = useCallback(async (returnTo: string) => {
    if (!manager) {
      throw new Error('Aucun fournisseur d\'identité n\'est configuré pour ce service.');
    }
    await manager.signinRedirect({ state: { returnTo } });
  }, [manager]);

  const completeSignIn = useCallback(async () => {
    if (!manager) {
      throw new Error('Aucun fournisseur d\'identité n\'est configuré pour ce service.');
    }
    const user = await manager.signinRedirectCallback();
    setBearer(user.access_token);
    setSession(sessionOf(user));
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  }, [manager]);

  const signOut = useCallback(() => {
    setBearer(null);
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    manager?.removeUser().catch(() => undefined);
  }, [manager]);

  useEffect(() => {
    fetch('/pages/config.json').then((r) => (r.ok ? r.json() : { devTokens: false, oidc: null }))
      .then((c: PagesConfig) => {
        setConfig(c);
        if (c.oidc) {
          setManager(userManager(c.oidc));
        }
        // the role picked before a reload: its token again (the token itself is never stored)
        const stored = sessionStorage.getItem(STORAGE_KEY);
        if (c.devTokens && stored) {
          signIn(stored).catch(() => sessionStorage.removeItem(STORAGE_KEY));
        }
      })
      .catch(() => setConfig({ devTokens: false, oidc: null }));
  }, [signIn]);

  const value = useMemo(() => ({ session, config, signIn, signInWithProvider, completeSignIn, signOut }),
    [session, config, signIn, signInWithProvider, completeSignIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
