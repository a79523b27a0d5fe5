import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ROUTES } from './routes';
import { NotFoundPage } from './pages/NotFoundPage';
import { coordinatorPreset, demoCoordinators, PRESETS, SIGN_IN_CALLBACK, useSession } from './session';

/** The layout of every page: skip links, the State's header with the service's menu, the page, the footer. */
export function App() {
  const [location] = useLocation();
  useEffect(() => {
    // a new page: read from its top, its title announced
    window.scrollTo(0, 0);
    document.getElementById('contenu')?.focus({ preventScroll: true });
  }, [location]);
  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li><a className="fr-link" href="#contenu">Contenu</a></li>
            <li><a className="fr-link" href="#navigation-principale">Menu</a></li>
            <li><a className="fr-link" href="#pied-de-page">Pied de page</a></li>
          </ul>
        </nav>
      </div>
      <Header location={location} />
      <main id="contenu" tabIndex={-1} role="main" className="fr-container fr-py-4w">
        <Switch>
          <Route path={SIGN_IN_CALLBACK}><Titled title="Connexion"><SignInCallback /></Titled></Route>
          {ROUTES.map((route) => (
            <Route key={route.path} path={route.path}>
              {(params) => <Titled title={route.title}><route.component params={params as Record<string, string>} /></Titled>}
            </Route>
          ))}
          <Route><Titled title="Page introuvable"><NotFoundPage /></Titled></Route>
        </Switch>
      </main>
      <Footer />
    </>
  );
}

function Titled({ title, children }: { title: string; children: React.ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Maillage`;
  }, [title]);
  return <>{children}</>;
}

function Header({ location }: { location: string }) {
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <p className="fr-logo">République<br />Française</p>
                </div>
                <div className="fr-header__navbar">
                  <button className="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-principal"
                    aria-haspopup="menu" id="bouton-menu" title="Menu" type="button">Menu</button>
                </div>
              </div>
              <div className="fr-header__service">
                <Link href="/" title="Accueil – Maillage">
                  <p className="fr-header__service-title">Maillage</p>
                </Link>
                <p className="fr-header__service-tagline">Le réseau de l'inclusion numérique, territoire par territoire</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <SignIn />
                <RolePicker />
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
        <div className="fr-container">
          <button className="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer" type="button">Fermer</button>
          <div className="fr-header__menu-links" />
          <nav className="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
            <ul className="fr-nav__list">
              {ROUTES.filter((r) => r.nav).map((r) => {
                const section = r.path.split('/')[1];
                const current = r.path === '/' ? location === '/' : location.split('/')[1] === section;
                return (
                  <li className="fr-nav__item" key={r.path}>
                    <Link className="fr-nav__link" href={r.path.replace(/\/:.*$/, '')} aria-current={current ? 'page' : undefined}>
                      {r.nav}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

/** The deployment's sign-in (OpenID Connect, authorization code with PKCE), where the service names a provider. */
function SignIn() {
  const { session, config, signInWithProvider, signOut } = useSession();
  const [location] = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  if (!config?.oidc) {
    return null;
  }
  if (session?.preset === 'oidc') {
    return (
      <ul className="fr-btns-group">
        <li><span className="fr-btn fr-btn--tertiary-no-outline fr-icon-account-circle-line">{session.label}</span></li>
        <li><button className="fr-btn fr-icon-logout-box-r-line" type="button" onClick={signOut}>Se déconnecter</button></li>
      </ul>
    );
  }
  return (
    <ul className="fr-btns-group">
      <li>
        <button className="fr-btn fr-icon-account-circle-line" type="button"
          onClick={() => signInWithProvider(location).catch((error: Error) => setProblem(error.message))}>Se connecter</button>
        {problem && <p className="fr-error-text" role="alert">{problem}</p>}
      </li>
    </ul>
  );
}

/** Where the provider sends the browser back: the sign-in completed, back to the page it started from. */
function SignInCallback() {
  const { config, completeSignIn } = useSession();
  const [, navigate] = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const done = useRef(false);
  useEffect(() => {
    if (!config || done.current) {
      return;
    }
    done.current = true;
    if (!config.oidc) {
      setProblem('Ce service ne propose pas de connexion par un fournisseur d\'identité.');
      return;
    }
    completeSignIn().then((returnTo) => navigate(returnTo, { replace: true }))
      .catch((error: Error) => setProblem(`La connexion n'a pas abouti : ${error.message}`));
  }, [config, completeSignIn, navigate]);
  return (
    <>
      <h1>Connexion</h1>
      {problem
        ? <div className="fr-alert fr-alert--error"><p>{problem}</p></div>
        : <p>Connexion en cours…</p>}
    </>
  );
}

/**
 * Who the pages act as. On a service in the local profile, a role of the demo network, signed by the service itself
 * (development tokens, this machine only); elsewhere the pages show what anyone may see.
 */
function RolePicker() {
  const { session, config, signIn, signOut } = useSession();
  const [coordinators, setCoordinators] = useState<{ id: string; name: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (config?.devTokens) {
      demoCoordinators('94').then(setCoordinators).catch(() => setCoordinators([]));
    }
  }, [config?.devTokens]);
  if (!config?.devTokens) {
    return config?.oidc || session ? null
      : <p className="fr-text--sm fr-mb-0">Consultation publique : chiffres agrégés, sans données personnelles</p>;
  }
  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    setProblem(null);
    const value = event.target.value;
    if (!value) {
      signOut();
    } else {
      signIn(value).catch((error: Error) => setProblem(error.message));
    }
  };
  return (
    <div className="fr-select-group maillage-role">
      <label className="fr-label" htmlFor="role">Agir en tant que <span className="fr-hint-text">profil local (jetons de développement)</span></label>
      <select className="fr-select" id="role" value={session?.preset ?? ''} onChange={change}>
        <option value="">Visiteur anonyme</option>
        {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        {coordinators.map((c) => (
          <option key={c.id} value={coordinatorPreset(c.id, c.name)}>Coordinateur : {c.name}</option>
        ))}
      </select>
      {problem && <p className="fr-error-text">{problem}</p>}
    </div>
  );
}

function Footer() {
  return (
    <footer className="fr-footer" role="contentinfo" id="pied-de-page">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            <Link href="/" title="Retour à l'accueil de Maillage">
              <p className="fr-logo">République<br />Française</p>
            </Link>
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              Maillage relie les conseillers numériques, leurs coordinateurs, leurs employeurs, les hubs, les lieux de
              médiation et les partenaires locaux aux territoires (régions, départements, EPCI, communes) du
              référentiel de l'INSEE. Les chiffres sont publics ; les données personnelles ne sont montrées qu'à qui
              peut les lire.
            </p>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item"><a className="fr-footer__bottom-link" href="/developpeurs">API et exports</a></li>
            <li className="fr-footer__bottom-item"><a className="fr-footer__bottom-link" href="/graphiql">GraphiQL</a></li>
            <li className="fr-footer__bottom-item"><span className="fr-footer__bottom-link">Accessibilité : partiellement conforme</span></li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0. Géométrie des départements :
              bibliothèque de graphiques du DSFR (licence MIT).</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
