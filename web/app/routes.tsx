// The pages, by path: each a module of pages/. Paths in French, as users read them in the address bar.
import type { ComponentType } from 'react';
import { HomePage } from './pages/HomePage';
import { DefaultNetworkPage, NetworkPage } from './pages/NetworkPage';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { TerritoryPage } from './pages/TerritoryPage';
import { ApplicationPage } from './pages/applications/ApplicationPage';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { NewApplicationPage } from './pages/applications/NewApplicationPage';
import { MapPage } from './pages/MapPage';

export type PageRoute = { path: string; title: string; component: ComponentType<{ params: Record<string, string> }>; nav?: string };

export const ROUTES: PageRoute[] = [
  { path: '/', title: 'Accueil', component: HomePage, nav: 'Accueil' },
  { path: '/carte', title: 'Carte de la couverture', component: MapPage, nav: 'Carte' },
  { path: '/reseau/region/94', title: 'Réseau', component: DefaultNetworkPage, nav: 'Réseau' },
  { path: '/reseau/:level/:code', title: 'Réseau', component: NetworkPage },
  { path: '/coordinateurs/:id', title: 'Coordinateur', component: CoordinatorPage },
  { path: '/territoires/:level/:code', title: 'Diagnostic territorial', component: TerritoryPage },
  { path: '/candidatures', title: 'Candidatures', component: ApplicationsPage, nav: 'Candidatures' },
  { path: '/candidatures/nouvelle', title: 'Nouvelle candidature', component: NewApplicationPage },
  { path: '/candidatures/:id', title: 'Candidature', component: ApplicationPage },
];
