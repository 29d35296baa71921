/**
 * The reference list of RMC / Doorstroompunt regions (01-40; 40 since region 14 was split).
 * The contactgemeente is filled in only where it is well known; offices can correct it per workspace.
 * Number 0 is the fictional "Voorbeeldregio" of the example workspace, never a real region.
 */
export interface RegionRef {
  number: number;
  name: string;
  contactMunicipality: string | null;
}

export const EXAMPLE_REGION: RegionRef = { number: 0, name: 'Voorbeeldregio', contactMunicipality: 'Voorbeeldstad' };

const list: [number, string, string | null][] = [
  [1, 'Oost-Groningen', null],
  [2, 'Noord-Groningen-Eemsmond', null],
  [3, 'Centraal en Westelijk Groningen', 'Groningen'],
  [4, 'Friesland-Noord', 'Leeuwarden'],
  [5, 'Westergo', null],
  [6, 'Zuidwest-Friesland', null],
  [7, 'Friesland-Oost', null],
  [8, 'Noord- en Midden-Drenthe', 'Assen'],
  [9, 'Zuidoost-Drenthe', 'Emmen'],
  [10, 'IJssel-Vecht', 'Zwolle'],
  [11, 'Stedendriehoek', 'Apeldoorn'],
  [12, 'Twente', 'Enschede'],
  [13, 'Achterhoek', 'Doetinchem'],
  [14, 'Centraal-Gelderland', 'Arnhem'],
  [15, 'Rivierenland', 'Tiel'],
  [16, 'Eem en Vallei', 'Amersfoort'],
  [17, 'Noordwest-Veluwe', 'Harderwijk'],
  [18, 'Flevoland', 'Almere'],
  [19, 'Utrecht', 'Utrecht'],
  [20, 'Gooi en Vechtstreek', 'Hilversum'],
  [21, 'Agglomeratie Amsterdam', 'Amsterdam'],
  [22, 'West-Friesland', 'Hoorn'],
  [23, 'Kop van Noord-Holland', 'Den Helder'],
  [24, 'Noord-Kennemerland', 'Alkmaar'],
  [25, 'Zaanstreek-Waterland', 'Zaanstad'],
  [26, 'Zuid-Kennemerland en IJmond', 'Haarlem'],
  [27, 'Holland Rijnland', 'Leiden'],
  [28, 'Haaglanden', 'Den Haag'],
  [29, 'Rijnmond', 'Rotterdam'],
  [30, 'Midden-Holland', 'Gouda'],
  [31, 'Zuid-Holland-Zuid', 'Dordrecht'],
  [32, 'Zeeland', null],
  [33, 'West-Brabant', 'Breda'],
  [34, 'Midden-Brabant', 'Tilburg'],
  [35, 'Noordoost-Brabant', "'s-Hertogenbosch"],
  [36, 'Zuidoost-Brabant', 'Eindhoven'],
  [37, 'Noord-Limburg', 'Venlo'],
  [38, 'Midden-Limburg', 'Roermond'],
  [39, 'Zuid-Limburg', null],
  [40, 'Rijk van Nijmegen', 'Nijmegen'],
];

export const REGIONS: readonly RegionRef[] = list.map(([number, name, contactMunicipality]) => ({ number, name, contactMunicipality }));

export function findRegion(n: number): RegionRef | undefined {
  return n === 0 ? EXAMPLE_REGION : REGIONS.find((r) => r.number === n);
}

/** "07 Friesland-Oost" */
export function regionLabel(r: { number: number; name: string }): string {
  return r.number === 0 ? r.name : `${String(r.number).padStart(2, '0')} ${r.name}`;
}
