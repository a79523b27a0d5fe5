// GraphiQL's fetcher: a plain POST to the service's /graphql, with answers GraphiQL can show for what is not a
// GraphQL response (a refused token, a throttled caller, a service that does not answer), and a word to the page
// about the introspection request, so that a disabled introspection is said, not silently left as "no docs".

export const INTROSPECTION_OPERATION = 'IntrospectionQuery';

/** What the introspection answer means for the page: 'ok', 'disabled' or 'failed' with a message. */
export function introspectionStatus(result) {
  if (result && result.data && result.data.__schema) {
    return { state: 'ok' };
  }
  const errors = (result && result.errors) || [];
  // graphql-java answers IntrospectionDisabled (spring.graphql.schema.introspection.enabled=false); other servers hide
  // __schema, which validation then says is undefined.
  const disabled = errors.some((error) => {
    const message = error.message || '';
    return (error.extensions && error.extensions.classification === 'IntrospectionDisabled')
      || /introspection has been disabled/i.test(message)
      || (/__schema/.test(message) && /undefined/i.test(message));
  });
  if (disabled) {
    return { state: 'disabled' };
  }
  const message = errors.map((error) => error.message).filter(Boolean).join(' ; ') || 'réponse inattendue du service';
  return { state: 'failed', message };
}

function errorResult(message, extensions) {
  return { errors: [{ message, extensions: { classification: 'CLIENT', ...extensions } }] };
}

function statusMessage(response) {
  const challenge = response.headers.get('WWW-Authenticate') || '';
  const description = /error_description="([^"]*)"/.exec(challenge);
  switch (response.status) {
    case 401:
      return 'Jeton refusé (401)' + (description ? ` : ${description[1]}` : '')
        + '. Vérifiez l’en-tête Authorization dans l’onglet Headers, ou retirez-le pour interroger en anonyme.';
    case 403:
      return 'Accès refusé (403).';
    case 429:
      return 'Trop de requêtes (429) : patientez avant de réessayer.';
    default:
      return `Le service a répondu ${response.status} sans réponse GraphQL.`;
  }
}

export function createFetcher({ url, onIntrospection }) {
  return async function fetcher(params, options = {}) {
    const introspection = params.operationName === INTROSPECTION_OPERATION;
    let result;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          ...(options.headers || {}),
        },
        body: JSON.stringify(params),
        credentials: 'same-origin',
      });
      const text = await response.text();
      try {
        result = JSON.parse(text);
      } catch {
        result = errorResult(statusMessage(response), { status: response.status });
      }
      if (response.status === 401 && !(result && result.errors)) {
        result = errorResult(statusMessage(response), { status: 401 });
      }
    } catch (error) {
      result = errorResult(`Le service ne répond pas (${error && error.message ? error.message : error}).`);
    }
    if (introspection) {
      const status = introspectionStatus(result);
      onIntrospection(status);
      if (status.state === 'disabled') {
        result = errorResult('L’introspection est désactivée sur ce service : la documentation (Docs) et '
          + 'l’autocomplétion ne sont pas disponibles. Les requêtes fonctionnent toujours ; le schéma est décrit '
          + 'dans les fichiers graphql/ du dépôt.', { classification: 'INTROSPECTION_DISABLED' });
      }
    }
    return result;
  };
}
