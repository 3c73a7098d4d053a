// The example article behind the « Charger l’exemple » button. Written for this project (the
// people, the town and the events are invented); it exercises what the engine looks for: quotes
// after and before their speaker, an incise, « selon », a partial quote, a newspaper title.
export const EXAMPLE = `Ligne de tramway à Valmont : le chantier reprendra en mars

Après six mois d’arrêt, les travaux de la ligne B du tramway de Valmont reprendront le 3 mars, a annoncé jeudi la métropole. Le tracé, contesté par une partie des commerçants du centre-ville, sera légèrement modifié au niveau de la place du Marché.

«\u202fNous avons entendu les inquiétudes des riverains et nous avons revu notre copie\u202f», a déclaré Hélène Carvalho, vice-présidente de la métropole chargée des mobilités, lors d’une conférence de presse. «\u202fLe nouveau tracé épargne la halle et conserve quarante places de stationnement\u202f», a-t-elle ajouté.

Le coût total du projet passe de 212 à 231 millions d’euros. «\u202fC’est le prix d’un chantier mieux concerté, pas d’une dérive\u202f», a déclaré Marc Olivier, président de la métropole.

Du côté des commerçants, la prudence reste de mise. «\u202fSix mois de palissades, c’est six mois de chiffre d’affaires en moins\u202f», a déclaré Sofia Benali, qui tient une librairie rue des Tanneurs. «\u202fNous demandons un fonds d’indemnisation avant la reprise, pas après\u202f», a-t-elle ajouté.

Selon Antoine Mercier, porte-parole de l’association Valmont à vélo, «\u202fla piste cyclable promise le long des quais a disparu des plans\u202f». La métropole assure au contraire qu’elle sera «\u202flivrée en même temps que la ligne\u202f», sans préciser de calendrier.

L’opposition municipale, elle, dénonce une «\u202fconcertation de façade\u202f». «\u202fLes habitants ont découvert le nouveau tracé dans la presse\u202f», a déclaré Julien Roche, conseiller municipal d’opposition, cité par «\u202fLe Courrier de Valmont\u202f».

«\u202fLa mise en service reste prévue pour la rentrée 2028\u202f», a confirmé Hélène Carvalho. Une réunion publique est prévue le 18 février à la salle des fêtes.
`;
