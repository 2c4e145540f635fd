import type { DemoOutcomes } from './demo-outcomes.types.js';

/*
 * The outcomes of the 2025 edition of the China–SCO Local Economic and Trade Cooperation Conference (Qingdao,
 * 18 July 2025), attached to the sessions of DEMO_EDITION_2025 (libs/programme/src/demo/demo-edition-2025.data.ts).
 *
 * Sources (shared/seeds): 000_4f89fc990bbb6b78.txt, the Qingdao Daily report of 19 July 2025 (which outcome happened
 * in which session); 004_355d2f552f5d475e.txt, the official Chinese, English and Russian text of the Qingdao
 * Initiative, copied verbatim into its `body` (the seed's own typography kept: half-width punctuation in the Chinese,
 * some missing spaces in the English and Russian, and the Russian point 2 cut off mid-word as the seed has it).
 * The English and Russian names of the plaques follow the programme's description of the logistics forum.
 *
 * Not in the seeds and chosen (each record says so in `assumed`): every `occurredAt` (placed inside its session's
 * times), the operators the report only implies, the value of the investment cooperation agreement (invented to show
 * a confidential value), and the COSCO Shipping agreement left unpublished to show an outcome awaiting approval.
 * The seeds name no unveiler, no settling enterprise and no signatory for the demonstration zone.
 *
 * Left out: the SCO Energy Valley (上合能谷) and the SCO equipment manufacturing park, which the report describes as
 * projects the zone presented ("正在积极打造", "进行了推介"), not as something launched, signed or unveiled.
 */

const QINGDAO_INITIATIVE_ZH = [
  '在中国担任上海合作组织轮值主席国之际,山东省政府举办中国—上海合作组织地方经贸合作大会,得到了上合组织国家地方政府、商协会和企业的广泛支持参与。深化上合组织框架内地方合作具有重要特殊意义,在此我们倡议:加强上合组织地方经贸合作,突出重点领域、搭建平台载体、创新合作模式、提升层次水平,共同为上合组织区域经济合作高质量发展增添动能、贡献力量。',
  '一、携手构建国际物流大通道。积极参与上合组织国家间国际物流大通道建设。发挥青岛在“一带一路”新亚欧大陆桥经济走廊建设和海上合作中的作用,建设上合国际枢纽港,打造上合组织国家面向亚太市场的“出海口”。加强上合组织地方间枢纽城市互联互通,积极开展上合组织国家间的海、铁、公路联合服务合作,打造“陆海空铁”一体化国际物流网络。',
  '二、共筑产业链供应链伙伴关系。着眼构建绿色、智能、可持续的产业链供应链国际合作伙伴关系,共同维护全球产业链供应链稳定,构建务实合作机制,积极参与国际分工,推进上合组织地方间产业、产能合作,畅通内外循环、拓展发展空间,实现产业互促、利益共享、发展共赢。',
  '三、共同推动贸易投资提质升级。深度挖掘上合组织地方间贸易潜力,支持企业合规举办面向对方市场的展览展会,深化电子商务、服务贸易、数字贸易合作,优化贸易结构,培育外贸新动能,扩大进出口规模。加强上合组织地方间投资促进机构交流合作,相互支持搭建投资对话平台,举办投资促进活动,优化投资发展环境,在绿色低碳、数字经济、现代农业、基础设施等领域共享高质量发展新机遇。',
  '四、合力推进产业园区互动合作。共同促进上合国家重点产业园区的联通联动,加强信息共享、资源对接,实现双向赋能、优势互补,促进产业升级和集群式发展。深化上合组织国家现有经贸合作园区多领域合作,推动资源和生产要素在境内外园区间双向高效流动,释放产业园区对地方经贸合作的带动效应。',
  '五、共建共享开放合作平台。强化中国—上海合作组织地方经贸合作示范区公共产品属性,提升中国—上海合作组织经贸学院、青岛国际能源交易中心、鲁港科技合作创新中心、上合经贸综合服务平台、“丝路电商”综合服务基地等发展能级,加强应用推广,为上合组织地方经贸合作“链接资源”“拓展场景”。',
  '六、共同开创地方经贸合作新愿景。始终秉持“上海精神”,坚持合作过程中互信、互利、平等、协商,推动上合组织地方间开放包容发展,服务建设开放型世界经济。主动探索上合组织地方经贸合作体制机制创新,深化双向投资贸易模式创新,丰富合作场景,携手为国际双多边框架下经贸合作注入地方力量,助力建设更加美好的上海合作组织家园。',
].join('\n\n');

const QINGDAO_INITIATIVE_EN = [
  'During China\'s presidency of the Shanghai Cooperation Organization (SCO), the Shandong Provincial People\'s Government hosted the China-SCO Local Economic and Trade Cooperation Conference, which received extensive support and participation from local governments, business associations, and enterprises of SCO member states. Deepening local cooperation within the SCO framework holds significant and special importance. In this regard, we propose the following initiative: To strengthen local economic and trade cooperation among SCO member states, focus on key areas, establish platforms and mechanisms, innovate cooperation models, and elevate the level and quality of collaboration, thus jointly contributing momentum and strength to the high-quality development of regional economic cooperation within the SCO.',
  'I. Jointly Build International Logistics Corridors. Actively participate in the construction of international logistics corridors among SCO member states. Leverage Qingdao’s role in the "Belt and Road", particularly in the New Eurasian Land Bridge Economic Corridor and maritime cooperation, to build the SCO International Hub Port and create an "gateway to the Asia-Pacific market" for SCO member states. Strengthen connectivity among hub cities within SCO regions, actively develop combined sea-rail-road transport services among SCO member states, and establish an integrated international logistics network encompassing land, sea, air, and rail.',
  'II. Foster Partnership in Industrial and Supply Chains. Focus on building green, smart, and sustainable international partnerships in industrial and supply chains, jointly safeguard the stability of global industrial and supply chains, establish practical cooperation mechanisms, actively engage in international division of labor, promote industrial and production capacity cooperation among SCO regions, facilitate domestic and international circulation, expand development space, and achieve mutual industrial advancement, shared benefits, and win-win development.',
  'III. Jointly Promote Upgrading of Trade and Investment. Fully explore the trade potential among SCO regions, support enterprises in organizing exhibitions targeting each other’s markets in compliance with regulations, deepen cooperation in e-commerce, trade in services, and digital trade, optimize trade structures, foster new drivers of foreign trade, and expand import-export scale. Strengthen exchanges and cooperation among investment promotion agencies in SCO regions, mutually support the establishment of investment dialogue platforms, organize investment promotion activities, optimize the investment and development environment, and share new opportunities for high-quality development in green and low-carbon sectors, digital economy, modern agriculture, infrastructure, and other fields.',
  'IV. Jointly Advance Exchanges and Cooperation amongIndustrial Parks. Promote connectivity and synergy among key industrial parks in SCO member states, strengthen information sharing and resource alignment, achieve mutual empowerment and complementary advantages, and facilitate industrial upgrading and cluster development. Deepen multi-field cooperation amongexisting economic and trade cooperation parks fromSCO member states, promote efficient two-way flow of resources and production factors between domestic and overseas parks, and leverage the role of industrial parks in promotinglocal economic and trade cooperation.',
  'V. Jointly Build and Share Open Cooperation Platforms. Strengthen the public goods attributes of the China-SCO Local Economic and Trade Cooperation Demonstration Zone, enhance the development capacity of institutions such as the China-SCO Institute of Economy and Trade, Qingdao International Energy Exchange, Shandong-Hong Kong Science and Technology Cooperation and Innovation Center, SCO Economic and Trade Comprehensive Service Platform, and the "Silk Road E-commerce" Comprehensive Service Base, and strengthen their application and promotion to connect resources and expand scenarios for local economic and trade cooperation among SCO member states.',
  'VI. Jointly Create a New Vision for Local Economic and Trade Cooperation. Always uphold the "Shanghai Spirit", adhere to mutual trust, mutual benefit, equality, and consultation in the cooperation process, promote open and inclusive development among SCO regions, and contribute to building an open world economy. Proactively explore institutional and mechanism innovations for local economic and trade cooperation within the SCO, deepen two-way investment and trade model innovations, enrich cooperation scenarios, and jointly inject local strength into economic and trade cooperation under bilateral and multilateral frameworks, contributing to the building of a better SCO community.',
].join('\n\n');

const QINGDAO_INITIATIVE_RU = [
  'Послучаю председательства Китая в Шанхайской организации сотрудничества (ШОС)народное правительство провинции Шаньдун проводитКонференцию по региональному торгово-экономическому сотрудничеству между Китаем и странами ШОС, получив широкую поддержку местных правительств, бизнес-ассоциаций и предприятий стран ШОС. Углубление регионального сотрудничества в рамках ШОС имеет особо большое значение, и мы выступаем с инициативой о укреплении регионального торгово-экономического сотрудничества между странами ШОС, сосредоточении на ключевых областях, создании платформ, обновлении моделей и повышении уровени сотрудничества, чтобы совместно придать импульс и внести вклад в высококачественное развитие регионального экономического сотрудничества в рамках ШОС.',
  '1.Совместно стремиться к созданию крупного международного логистического коридора. Активно участвовать в строительстве международных логистических каналов между странами ШОС. Циндао будет играть роль в строительстве экономического коридора нового континентального моста Азия-Европа «Пояса и пути» и морском сотрудничестве, построит международный порт-хаб ШОС и создаст «выход к морю» для стран ШОС на азиатско-тихоокеанские рынки. Также будет укрепляться взаимосвязь городов-узлов стран ШОС, активно осуществляться сотрудничество комплексного сервиса между странами ШОС в области морского, железнодорожного и автомобильного транспорта, будет создаваться интегрированная международная логистическая сеть «сухопутная – морская – воздушная – железная дорога».',
  '2. Совместно создать партнерские отношения в производственно-поставочных цепочках. Сосредоточиться на создании экологичного, умного и устойчивого международного партнерства в производственно-поставочных цепочках, совместно работать над поддержанием стабильности глобальных производственно-поставочных цепочек, создать прагматичный механизм сотрудничества, активно участвовать в международном разделении труда, содействовать сотрудничеству промышленостей и производственных мощностей между регионами ШОС, налаживать внутренную и внешную циркуляции, расширить пространство для развития и достигнуть взаимного продвижения промышленностей, совместного испол',
  '3. Совместно содействовать улучшению и модернизации торговли и инвестиций. Использовать торговый потенциал площадок ШОС, поддерживать предприятия в проведении выставок и ярмарок, ориентированных на рынки друг друга, углублять сотрудничество в области электронной коммерции, торговли услугами и цифровой торговли, оптимизировать структуру торговли, культивировать новую динамику во внешней торговле, расширять масштабы импорта и экспорта.Укреплять обмены и сотрудничество между региональными учреждениями по продвижению инвестиций ШОС, оказывать взаимную поддержку в создании платформ для инвестиционного диалога, проводить мероприятия по продвижению инвестиций, оптимизировать условия для развития инвестиций, делиться новыми возможностями для высококачественного развития в таких областях, как низкоуглеродная зеленая экономика, цифровая экономика, современное сельское хозяйство и инфраструктура.',
  '4. Совместно содействовать взаимодействию и сотрудничеству индустриальных парков. Совместно содействовать соединению и взаимосвязи ключевых индустриальных парков в странах ШОС, укреплять обмен информацией и стыковку ресурсов, добиваться двустороннего расширения возможностей и взаимодополняемости преимуществ, содействовать модернизации промышленности и развитию кластеров. Углублять многопрофильное сотрудничество между существующими парками торгово-экономического сотрудничества в странах ШОС, содействовать двустороннему эффективному потоку ресурсов и факторов производства между отечественными и зарубежными парками, высвобождать движущий эффект индустриальных парков в региональном торгово-экономическом сотрудничестве.',
  '5.Совместно создать и использовать открытые платформы сотрудничества. Укреплять атрибуты общественного продукта Демонстрационной зоны регионального торгово-экономического сотрудничества между Китаем и странами ШОС, повышать потенциал развития институт экономики и торговли Китая и ШОС, Циндаоского международного центра торговли энергоресурсами, Шаньдун-Гонконгского центра научно-технического сотрудничества и инноваций, Платформы комплексного обслуживания для регионального торгово-экономического сотрудничества между странами ШОС и Базы комплексного обслуживания «электронная коммерция Шелкового пути», укреплять применение и продвижение платформ, обеспечивая ресурсы и расширяя сценарии регионального торгово-экономического сотрудничества между странами ШОС.',
  '6. Совместно создать новое видение регионального торгово-экономического сотрудничества. Придерживаться «Шанхайского духа» и настаивать на взаимном доверии, обоюдном выигрыше, равенстве и консультациях в процессе сотрудничества, способствовать открытому и инклюзивному развитию регионального сотрудничества между странами ШОС и служить построению открытой мировой экономики. Активно исследовать инновации систем и механизмов регионального торгово-экономического сотрудничества между странами ШОС, углублять инновации в двусторонних инвестиционных и торговых режимах, обогащать сценарии сотрудничества, объединять усилия для привнесения региональных сил в торгово-экономическое сотрудничество в рамках международных двусторонних и многосторонних структур, чтобы внести вклад в строительство лучшей семьи ШОС.',
].join('\n\n');

const NO_UNVEILER = 'The seeds name no unveiler, so `people` is empty.';

export const DEMO_OUTCOMES_2025: DemoOutcomes = {
  organisations: [
    {
      key: 'china-logistics-sco-qingdao',
      name: {
        zh: '中物流上合（青岛）国际物流有限公司',
        en: 'China Logistics SCO (Qingdao) International Logistics Co., Ltd.',
        ru: 'Международная логистическая компания China Logistics SCO (Qingdao)',
      },
      country: 'CN',
      type: 'enterprise',
    },
    {
      key: 'digital-logistics-institute',
      name: {
        zh: '数智物流研究院',
        en: 'Digital and Intelligent Logistics Research Institute',
        ru: 'Исследовательский институт цифровой и интеллектуальной логистики',
      },
      country: 'CN',
      type: 'research_institute',
    },
  ],

  outcomes: [
    // ——— 18 July, morning: opening ceremony, release of outcomes ———
    {
      key: 'qingdao-initiative',
      kind: 'initiative',
      title: {
        zh: '中国—上海合作组织地方经贸合作大会青岛倡议',
        en: 'Qingdao Initiative of the China-SCO Local Economic and Trade Cooperation Conference',
        ru: 'Циндаоская инициатива Конференции по региональному торгово-экономическому сотрудничеству Китай — ШОС',
      },
      summary: {
        zh: '倡议加强上合组织地方经贸合作，突出重点领域、搭建平台载体、创新合作模式、提升层次水平，包括6个方面：一、携手构建国际物流大通道；二、共筑产业链供应链伙伴关系；三、共同推动贸易投资提质升级；四、合力推进产业园区互动合作；五、共建共享开放合作平台；六、共同开创地方经贸合作新愿景。',
        en: 'Calls for stronger local economic and trade cooperation in the SCO: focusing on key areas, establishing platforms, innovating cooperation models and raising its level. Six points: I. Jointly Build International Logistics Corridors; II. Foster Partnership in Industrial and Supply Chains; III. Jointly Promote Upgrading of Trade and Investment; IV. Jointly Advance Exchanges and Cooperation among Industrial Parks; V. Jointly Build and Share Open Cooperation Platforms; VI. Jointly Create a New Vision for Local Economic and Trade Cooperation.',
        ru: 'Призывает укреплять региональное торгово-экономическое сотрудничество в рамках ШОС: сосредоточиться на ключевых областях, создавать платформы, обновлять модели и повышать уровень сотрудничества. Шесть направлений: 1. Совместно стремиться к созданию крупного международного логистического коридора; 2. Совместно создать партнёрские отношения в производственно-поставочных цепочках; 3. Совместно содействовать улучшению и модернизации торговли и инвестиций; 4. Совместно содействовать взаимодействию и сотрудничеству индустриальных парков; 5. Совместно создать и использовать открытые платформы сотрудничества; 6. Совместно создать новое видение регионального торгово-экономического сотрудничества.',
      },
      body: { zh: QINGDAO_INITIATIVE_ZH, en: QINGDAO_INITIATIVE_EN, ru: QINGDAO_INITIATIVE_RU },
      sessionKey: 'qingdao-initiative',
      occurredAt: '2025-07-18T09:45:00+08:00',
      status: 'done',
      areas: ['logistics', 'supply_chain', 'trade_investment', 'park_development'],
      parties: [],
      people: [{ personKey: 'wang-lei', role: 'presenter', protocolOrder: 1 }],
      published: true,
      assumed:
        'Time chosen within the release session. The body is the text of seed 004 from the preamble to point 6 (the heading is the title), verbatim; the Russian point 2 ends mid-word ("совместного испол") because the seed is cut off there.',
    },

    // ——— 18 July, late morning: signing ceremony with Shandong Railway Investment Holding Group ———
    {
      key: 'railway-investment-cooperation',
      kind: 'agreement',
      title: {
        zh: '上合示范区管委会与山东铁路投资控股集团有限公司合作协议',
        en: 'Cooperation Agreement between the Administrative Committee of the China-SCO Demonstration Zone and Shandong Railway Investment Holding Group',
        ru: 'Соглашение о сотрудничестве между Административным комитетом Демонстрационной зоны ШОС и Шаньдунской железнодорожной инвестиционной холдинговой группой',
      },
      summary: {
        zh: '双方将发挥各自资源优势，在产业投资、新能源+算力、园区开发、高铁快运+铁路物流园、产业基金、新质生产力项目导入等领域开展合作；山东铁投集团将在上合示范区设立产业投资公司，拓展智算产业上下游业务。',
        en: 'The two sides will combine their resources to cooperate in industrial investment, new energy combined with computing power, park development, high-speed rail express freight and railway logistics parks, industrial funds and bringing in projects of new quality productive forces; Shandong Railway Investment Holding Group will set up an industrial investment company in the demonstration zone and expand along the intelligent-computing value chain.',
        ru: 'Стороны, используя свои ресурсные преимущества, будут сотрудничать в промышленных инвестициях, сочетании новой энергетики и вычислительных мощностей, развитии индустриальных парков, скоростных железнодорожных экспресс-перевозках и железнодорожных логистических парках, отраслевых фондах и привлечении проектов новых качественных производительных сил; Шаньдунская железнодорожная инвестиционная холдинговая группа создаст в демонстрационной зоне промышленно-инвестиционную компанию и будет развивать смежные направления индустрии интеллектуальных вычислений.',
      },
      sessionKey: 'signing-railway-investment',
      occurredAt: '2025-07-18T11:55:00+08:00',
      status: 'signed',
      agreementType: 'strategic_cooperation',
      signingOrder: 1,
      areas: ['industrial_investment', 'new_energy_computing', 'park_development', 'rail_express_logistics', 'industrial_funds', 'new_quality_productivity'],
      parties: [
        { organisationKey: 'demo-zone-admin', role: 'party' },
        { organisationKey: 'shandong-railway-investment', role: 'party' },
      ],
      people: [{ personKey: 'wang-weizhong', role: 'signatory', forOrganisationKey: 'shandong-railway-investment', protocolOrder: 1 }],
      published: true,
      assumed:
        'Time chosen within the ceremony. The report names Wang Weizhong (chairman) for Shandong Railway Investment Holding Group, but not who signed for the Administrative Committee nor any witness; the type (strategic cooperation) follows the report\'s "双方战略合作". The value is not in the seeds.',
    },
    {
      key: 'railway-fund-investment',
      kind: 'agreement',
      title: {
        zh: '青岛上合产业投资集团与山东铁路发展基金有限公司投资合作协议',
        en: 'Investment Cooperation Agreement between Qingdao SCO Industrial Investment Group and Shandong Railway Development Fund',
        ru: 'Соглашение об инвестиционном сотрудничестве между Циндаоской промышленно-инвестиционной группой ШОС и Шаньдунским фондом развития железных дорог',
      },
      summary: {
        zh: '签约仪式上，青岛上合产投集团与山东铁路发展基金有限公司签署投资合作协议，配合上合示范区与山东铁投集团在产业投资、产业基金等领域的合作。',
        en: 'Signed at the same ceremony, the investment cooperation agreement between Qingdao SCO Industrial Investment Group and Shandong Railway Development Fund accompanies the cooperation between the demonstration zone and Shandong Railway Investment Holding Group in industrial investment and industrial funds.',
        ru: 'Подписанное на той же церемонии соглашение об инвестиционном сотрудничестве между Циндаоской промышленно-инвестиционной группой ШОС и Шаньдунским фондом развития железных дорог дополняет сотрудничество демонстрационной зоны и Шаньдунской железнодорожной инвестиционной холдинговой группы в промышленных инвестициях и отраслевых фондах.',
      },
      sessionKey: 'signing-railway-investment',
      occurredAt: '2025-07-18T12:02:00+08:00',
      status: 'signed',
      agreementType: 'investment_cooperation',
      signingOrder: 2,
      areas: ['industrial_investment', 'industrial_funds'],
      parties: [
        { organisationKey: 'qingdao-sco-investment', role: 'party' },
        { organisationKey: 'shandong-railway-fund', role: 'party', confidential: false },
      ],
      people: [],
      value: { amount: '500000000.00', currency: 'CNY', confidential: true },
      published: true,
      assumed:
        'Time chosen within the ceremony; the areas are those of the ceremony that concern investment and funds. The seeds name no signatory or witness. The value (CNY 500 million) is invented to demonstrate a confidential value; the seeds give no figure. The Railway Development Fund is explicitly not a confidential party.',
    },

    // ——— 18 July, afternoon: logistics and transport forum ———
    {
      key: 'qingdao-rail-hub-unveiling',
      kind: 'unveiling',
      title: {
        zh: '中欧班列（济青）国家集结中心青岛枢纽揭牌',
        en: 'Unveiling of the Qingdao Hub of the China-Europe Railway Express (Jinan–Qingdao) National Consolidation Centre',
        ru: 'Открытие циндаоского узла Национального центра формирования контейнерных поездов Китай — Европа (Цзинань — Циндао)',
      },
      summary: {
        zh: '中欧班列（济青）国家集结中心由济南市与青岛市联合建设，于2025年1月获批。青岛枢纽规划中欧班列集结操作中心、跨境电商中心、供应链金融中心、大宗商品期货交割中心、进口粮食监管中心、国际冷链中心等六大中心，建设“物流+贸易+金融”的聚链式产业发展区，提高上合示范区中欧班列的综合服务能力。',
        en: 'The China-Europe Railway Express (Jinan–Qingdao) national consolidation centre, built jointly by Jinan and Qingdao, was approved in January 2025. The Qingdao hub plans six centres — train consolidation operations, cross-border e-commerce, supply chain finance, commodity futures delivery, imported grain supervision and international cold chain — forming a "logistics + trade + finance" industrial cluster that raises the demonstration zone\'s China-Europe Railway Express services.',
        ru: 'Национальный центр формирования контейнерных поездов Китай — Европа (Цзинань — Циндао), создаваемый совместно Цзинанем и Циндао, утверждён в январе 2025 года. В циндаоском узле планируются шесть центров — операционный центр формирования поездов, центр трансграничной электронной торговли, центр финансирования цепочек поставок, центр поставки по биржевым товарным фьючерсам, центр контроля импортного зерна и международный центр холодовой цепи, — образующих кластер «логистика + торговля + финансы», который расширит услуги поездов Китай — Европа в демонстрационной зоне.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T14:10:00+08:00',
      status: 'done',
      areas: ['logistics', 'supply_chain'],
      parties: [{ organisationKey: 'demo-zone-admin', role: 'operator' }],
      people: [],
      published: true,
      assumed: `Time chosen within the forum. The report does not name the operator; the Administrative Committee is inferred because the hub serves the zone's China-Europe Railway Express. ${NO_UNVEILER}`,
    },
    {
      key: 'qingdao-rail-hub-first-settlers',
      kind: 'settlement',
      title: {
        zh: '首批企业签约入驻中欧班列（济青）国家集结中心青岛枢纽',
        en: 'First Companies Sign to Settle in the Qingdao Hub of the China-Europe Railway Express (Jinan–Qingdao) National Consolidation Centre',
        ru: 'Первые компании подписали соглашения о размещении в циндаоском узле Национального центра формирования контейнерных поездов Китай — Европа (Цзинань — Циндао)',
      },
      summary: {
        zh: '青岛枢纽揭牌后，首批企业签约入驻。',
        en: 'After the Qingdao hub was unveiled, its first companies signed up to move in.',
        ru: 'После открытия циндаоского узла первые компании подписали соглашения о размещении в нём.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T14:20:00+08:00',
      status: 'done',
      areas: ['logistics'],
      parties: [],
      people: [],
      published: true,
      assumed: 'Time chosen within the forum, right after the hub was unveiled. The seeds do not name the settling companies or their number, so `parties` and `people` are empty.',
    },
    {
      key: 'cosco-logistics-cooperation',
      kind: 'agreement',
      title: {
        zh: '上合示范区管委与中远海运合作协议',
        en: 'Cooperation Agreement between the Administrative Committee of the China-SCO Demonstration Zone and COSCO Shipping',
        ru: 'Соглашение о сотрудничестве между Административным комитетом Демонстрационной зоны ШОС и COSCO Shipping',
      },
      summary: {
        zh: '双方将共同打造智能化、绿色化、国际化的物流供应链服务体系，促进上合示范区与上合组织及共建“一带一路”国家的经贸往来。',
        en: 'The two sides will jointly build a smart, green and international logistics and supply chain service system, promoting trade between the demonstration zone and the SCO and Belt and Road countries.',
        ru: 'Стороны совместно создадут интеллектуальную, экологичную и международную систему логистических услуг и цепочек поставок, содействуя торгово-экономическим связям демонстрационной зоны со странами ШОС и странами, совместно строящими «Пояс и путь».',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T14:35:00+08:00',
      status: 'signed',
      agreementType: 'strategic_cooperation',
      areas: ['logistics', 'supply_chain', 'digital_economy'],
      parties: [
        { organisationKey: 'demo-zone-admin', role: 'party' },
        { organisationKey: 'cosco-shipping', role: 'party' },
      ],
      people: [],
      published: false,
      assumed:
        'Time chosen within the forum; the type (strategic cooperation) is chosen, the report says only "合作协议". The seeds name no signatory, witness or value. Left unpublished on purpose so that the demo shows an outcome awaiting approval.',
    },
    {
      key: 'hub-port-new-city-centre',
      kind: 'unveiling',
      title: {
        zh: '上合国际枢纽港新城运营中心揭牌',
        en: 'Unveiling of the Operations Centre of the SCO International Hub Port New City',
        ru: 'Открытие операционного центра нового города Международного порта-хаба ШОС',
      },
      summary: {
        zh: '在物流运输国际合作对话对接会上，上合国际枢纽港新城运营中心与其他三个物流载体同时揭牌。',
        en: 'Unveiled at the logistics forum together with three other logistics facilities.',
        ru: 'Открыт на форуме по логистике одновременно с тремя другими логистическими объектами.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T15:00:00+08:00',
      status: 'done',
      areas: ['logistics'],
      parties: [{ organisationKey: 'demo-zone-admin', role: 'operator' }],
      people: [],
      published: true,
      assumed: `Time chosen within the forum (the four plaques were unveiled at the same time). The report does not name the operator; the Administrative Committee is inferred because the SCO International Hub Port is the zone's project (Initiative, point 1). ${NO_UNVEILER}`,
    },
    {
      key: 'sco-express-customs-point',
      kind: 'unveiling',
      title: {
        zh: '中欧班列（上合快线）通关咨询联络点揭牌',
        en: 'Unveiling of the Customs Advisory Liaison Point of the China-Europe Railway Express (SCO Express)',
        ru: 'Открытие консультационного пункта по таможенному оформлению поездов Китай — Европа («Экспресс ШОС»)',
      },
      summary: {
        zh: '为中欧班列（上合快线）提供通关咨询与联络服务的联络点揭牌。',
        en: 'A liaison point giving customs clearance advice and contacts for the China-Europe Railway Express (SCO Express) was unveiled.',
        ru: 'Открыт пункт, консультирующий по таможенному оформлению поездов Китай — Европа («Экспресс ШОС») и обеспечивающий связь по этим вопросам.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T15:00:00+08:00',
      status: 'done',
      areas: ['logistics', 'trade_investment'],
      parties: [],
      people: [],
      published: true,
      assumed: `Time chosen within the forum (the four plaques were unveiled at the same time). The report does not say who runs the liaison point, so no operator is given. ${NO_UNVEILER}`,
    },
    {
      key: 'china-logistics-sco-unveiling',
      kind: 'unveiling',
      title: {
        zh: '中物流上合（青岛）国际物流有限公司揭牌',
        en: 'Unveiling of China Logistics SCO (Qingdao) International Logistics Co., Ltd.',
        ru: 'Открытие международной логистической компании China Logistics SCO (Qingdao)',
      },
      summary: {
        zh: '中物流上合（青岛）国际物流有限公司在物流运输国际合作对话对接会上揭牌。',
        en: 'China Logistics SCO (Qingdao) International Logistics Co., Ltd. was unveiled at the logistics forum.',
        ru: 'Международная логистическая компания China Logistics SCO (Qingdao) открыта на форуме по логистике.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T15:00:00+08:00',
      status: 'done',
      areas: ['logistics'],
      parties: [{ organisationKey: 'china-logistics-sco-qingdao', role: 'operator' }],
      people: [],
      published: true,
      assumed: `Time chosen within the forum (the four plaques were unveiled at the same time). The company whose plaque was unveiled is its own operator; its English and Russian names are translations. ${NO_UNVEILER}`,
    },
    {
      key: 'digital-logistics-institute-unveiling',
      kind: 'unveiling',
      title: {
        zh: '数智物流研究院揭牌',
        en: 'Unveiling of the Digital and Intelligent Logistics Research Institute',
        ru: 'Открытие Исследовательского института цифровой и интеллектуальной логистики',
      },
      summary: {
        zh: '数智物流研究院在物流运输国际合作对话对接会上揭牌。',
        en: 'The Digital and Intelligent Logistics Research Institute was unveiled at the logistics forum.',
        ru: 'Исследовательский институт цифровой и интеллектуальной логистики открыт на форуме по логистике.',
      },
      sessionKey: 'forum-logistics',
      occurredAt: '2025-07-18T15:00:00+08:00',
      status: 'done',
      areas: ['logistics', 'digital_economy'],
      parties: [{ organisationKey: 'digital-logistics-institute', role: 'operator' }],
      people: [],
      published: true,
      assumed: `Time chosen within the forum (the four plaques were unveiled at the same time). The institute whose plaque was unveiled is its own operator; the report does not say who founded it; its English and Russian names are translations. ${NO_UNVEILER}`,
    },

    // ——— 18 July, afternoon: digital economy forum ———
    {
      key: 'cross-border-data-zone',
      kind: 'unveiling',
      title: {
        zh: '上合示范区“数据跨境服务专区”揭牌',
        en: 'Unveiling of the Cross-Border Data Service Zone of the China-SCO Demonstration Zone',
        ru: 'Открытие Зоны услуг трансграничной передачи данных Демонстрационной зоны ШОС',
      },
      summary: {
        zh: '数据跨境服务专区将依托国家数据跨境政策试点优势，力争开通跨境数据专线、设立“数据出境安全评估服务专区”，打造数据安全等要素的产业生态，成为上合组织框架下深化数字合作的重要平台。',
        en: 'Building on national cross-border data policy pilots, the service zone aims to open dedicated cross-border data lines and set up a data export security assessment service zone, growing an industry around data security and becoming a platform for digital cooperation within the SCO framework.',
        ru: 'Опираясь на национальные пилотные меры в области трансграничной передачи данных, зона намерена открыть выделенные линии трансграничной передачи данных и создать зону услуг по оценке безопасности вывоза данных, сформировать отраслевую экосистему вокруг безопасности данных и стать важной платформой цифрового сотрудничества в рамках ШОС.',
      },
      sessionKey: 'forum-digital-economy',
      occurredAt: '2025-07-18T14:15:00+08:00',
      status: 'done',
      areas: ['cross_border_data', 'digital_economy'],
      parties: [{ organisationKey: 'demo-zone-admin', role: 'operator' }],
      people: [],
      published: true,
      assumed: `Time chosen within the forum. The operator is the Administrative Committee, as the service zone is the demonstration zone's own. ${NO_UNVEILER}`,
    },
    {
      key: 'sco-ai-model-alliance',
      kind: 'alliance',
      title: {
        zh: '上合人工智能大模型产业联盟成立',
        en: 'Launch of the SCO AI Large Model Industry Alliance',
        ru: 'Создание Промышленного альянса больших моделей искусственного интеллекта ШОС',
      },
      summary: {
        zh: '联盟由浪潮云、海尔海纳云等企业共同发起，旨在汇聚产、学、研、用多方力量，共促AI大模型技术在上合区域的创新应用与产业发展。',
        en: 'Initiated by Inspur Cloud, Haier Haina Cloud and other companies, the alliance brings together industry, academia, research and users to promote the innovative application and industrial development of large AI models in the SCO region.',
        ru: 'Альянс, инициированный компаниями Inspur Cloud, Haier Haina Cloud и другими, объединяет бизнес, университеты, исследовательские организации и пользователей для продвижения инновационного применения и промышленного развития больших моделей ИИ в регионе ШОС.',
      },
      sessionKey: 'forum-digital-economy',
      occurredAt: '2025-07-18T14:40:00+08:00',
      status: 'done',
      areas: ['artificial_intelligence', 'digital_economy'],
      parties: [
        { organisationKey: 'inspur-cloud', role: 'founding_member' },
        { organisationKey: 'haier-haina-cloud', role: 'founding_member' },
      ],
      people: [],
      published: true,
      assumed: 'Time chosen within the forum. The report names two of the founding companies ("等企业"); the others and any presenter are not named.',
    },

    // ——— 18 July, late afternoon: Industrial Park Alliance working meeting ———
    {
      key: 'park-collaboration-initiative',
      kind: 'initiative',
      title: {
        zh: '产业园区协同发展倡议',
        en: 'Initiative on the Coordinated Development of Industrial Parks',
        ru: 'Инициатива о скоординированном развитии индустриальных парков',
      },
      summary: {
        zh: '17家中外产业园区发出倡议：积极弘扬“上海精神”，搭建交流合作平台和伙伴关系网络，推动资源整合、相互赋能，深化产业链供应链合作，推动联盟内成员单位共享资源、务实合作，共同搭建区域间经贸合作的桥梁，助力地方经济社会高质量发展。',
        en: 'Issued by 17 Chinese and foreign industrial parks: the parties will promote the "Shanghai Spirit", build platforms for exchange and cooperation and a network of partnerships, integrate resources and empower one another, deepen cooperation in industrial and supply chains, have the alliance\'s members share resources and cooperate in practice, and together build bridges for interregional economic and trade cooperation in support of high-quality local economic and social development.',
        ru: 'Выдвинута 17 китайскими и зарубежными индустриальными парками: стороны будут развивать «Шанхайский дух», создавать платформы обмена и сотрудничества и сеть партнёрств, объединять ресурсы и расширять возможности друг друга, углублять сотрудничество в производственно-поставочных цепочках, содействовать совместному использованию ресурсов и практическому сотрудничеству членов альянса и вместе наводить мосты межрегионального торгово-экономического сотрудничества ради качественного социально-экономического развития регионов.',
      },
      sessionKey: 'park-alliance-meeting',
      occurredAt: '2025-07-18T17:00:00+08:00',
      status: 'done',
      areas: ['park_development', 'supply_chain'],
      parties: [
        { organisationKey: 'china-belarus-park', role: 'party' },
        { organisationKey: 'rak-economic-zone', role: 'party' },
      ],
      people: [],
      published: true,
      assumed:
        'Time chosen within the meeting. The seeds give only a summary, no full text, and do not list the 17 parks: the China-Belarus Industrial Park (a member of the alliance) and the Ras Al Khaimah Economic Zone, the two named at the meeting, are assumed to be among them. No presenter is named.',
    },
  ],
};
