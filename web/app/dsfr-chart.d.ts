// dsfr-chart's web components come without types: importing one defines its custom element.
declare module '@gouvfr/dsfr-chart/MapChart';
