import { Link } from 'wouter';

export function NotFoundPage() {
  return (
    <div className="fr-my-7w">
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <p>Vérifiez l'adresse, ou repartez de l'accueil pour chercher un territoire.</p>
      <Link className="fr-btn" href="/">Page d'accueil</Link>
    </div>
  );
}
