// GraphiQL for Maillage, served by the service itself: every script, style, font and worker comes from the jar,
// nothing from a CDN, so that it works on a disconnected laptop.
import 'graphiql/setup-workers/vite';
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { pick, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import 'graphiql/style.css';
import './graphiql.css';
import { examples } from './examples.js';
import { createFetcher } from './fetcher.js';

const origin = window.location.origin;

// The headers editor is JSON with comments (GraphiQL reads it as JSONC): it says how to authenticate.
const defaultHeaders = `// En-têtes HTTP envoyés avec chaque requête. Sans jeton : appelant anonyme, agrégats publics seulement.
//
// Jeton de développement (profil local, depuis cette machine) : demandez-le pour un rôle et un périmètre,
//   curl '${origin}/dev/tokens/ANCT'
//   curl '${origin}/dev/tokens/HUB?regions=94'
//   curl '${origin}/dev/tokens/PREFECTURE?departments=2A'
//   curl '${origin}/dev/tokens/COORDINATOR?adviserId=<identifiant>'
// puis remplacez les accolades ci-dessous par la valeur « graphiqlHeaders » de la réponse :
//   { "Authorization": "Bearer eyJhbGciOi..." }
// Ailleurs, collez de la même façon le jeton (access token) de votre fournisseur d'identité.
{}
`;

const defaultQuery = `# Bienvenue dans GraphiQL pour Maillage.
#
# - Exemples (panneau de gauche) : les opérations de graphql/examples/, chacune dans un nouvel onglet.
# - Docs (icône du livre, à gauche) : le schéma et ses descriptions ; Ctrl+Espace complète un champ.
# - Headers (en bas) : comment coller un jeton d'accès.
# Ctrl+Entrée exécute la requête.

${examples.length > 0 ? examples[0].query : '{ territory(level: DEPARTMENT, code: "2A") { name population } }\n'}`;

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5"
      aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
      <circle cx="19" cy="19" r="2" />
    </svg>
  );
}

function ExamplesPanel() {
  const { queryEditor, headerEditor, variableEditor } = useGraphiQL(
    pick('queryEditor', 'headerEditor', 'variableEditor'));
  const { addTab } = useGraphiQLActions();
  const open = useCallback((example) => {
    // a new tab keeps the headers (and so the token) of the current one
    const headers = headerEditor ? headerEditor.getValue() : null;
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue('');
    if (headers != null) {
      headerEditor.setValue(headers);
    }
  }, [addTab, queryEditor, headerEditor, variableEditor]);
  return (
    <section className="maillage-examples" aria-label="Exemples">
      <div className="graphiql-doc-explorer-title">Exemples</div>
      <p>Les opérations de <code>graphql/examples/</code>, chacune vérifiée par les tests. Un clic l’ouvre dans un
        nouvel onglet.</p>
      <ul>
        {examples.map((example) => (
          <li key={example.file}>
            <button type="button" className="maillage-example" onClick={() => open(example)}
              data-example={example.file}>
              <span className="maillage-example-title">{example.title}</span>
              {example.description && <span className="maillage-example-description">{example.description}</span>}
              <span className="maillage-example-file">{example.file}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const EXAMPLES_PLUGIN = { title: 'Exemples', icon: ExamplesIcon, content: ExamplesPanel };

function IntrospectionNotice({ status }) {
  if (status.state === 'disabled') {
    return (
      <div className="maillage-notice" role="alert" data-introspection="disabled">
        <strong>Documentation indisponible :</strong> l’introspection est désactivée sur ce service
        (<code>spring.graphql.schema.introspection.enabled=false</code>, le réglage hors profil local). L’explorateur
        Docs et l’autocomplétion ne fonctionnent pas ; les requêtes, si. Le schéma et ses descriptions sont dans les
        fichiers <code>graphql/</code> du dépôt.
      </div>
    );
  }
  if (status.state === 'failed') {
    return (
      <div className="maillage-notice" role="alert" data-introspection="failed">
        <strong>Le schéma n’a pas pu être chargé :</strong> {status.message}. L’explorateur Docs et l’autocomplétion
        restent vides ; rechargez la page (ou le schéma, bouton ⟳) une fois le problème corrigé.
      </div>
    );
  }
  return null;
}

function App() {
  const [introspection, setIntrospection] = useState({ state: 'pending' });
  const [fetcher] = useState(() => createFetcher({ url: '/graphql', onIntrospection: setIntrospection }));
  return (
    <div className="maillage-page" data-introspection={introspection.state}>
      <header className="maillage-header">
        <a href="/" className="maillage-brand">Maillage</a>
        <span className="maillage-title">GraphiQL : explorer l’API</span>
        <nav>
          <a href="/">Accueil</a>
        </nav>
      </header>
      <IntrospectionNotice status={introspection} />
      <main className="maillage-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={[EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
          visiblePlugin={EXAMPLES_PLUGIN}
          defaultQuery={defaultQuery}
          defaultHeaders={defaultHeaders}
          defaultEditorToolsVisibility="headers"
          shouldPersistHeaders={false}
          inputValueDeprecation
          schemaDescription>
          <GraphiQL.Logo>Maillage</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  );
}

createRoot(document.getElementById('maillage-graphiql')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
